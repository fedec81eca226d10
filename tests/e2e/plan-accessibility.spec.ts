import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/** No axe violations on the plan pages: the list, the editor (with a comment and an action) and a published version. */
test('plan pages have no accessibility violations', async ({ browser }) => {
	const admin = await (await browser.newContext()).newPage();
	expect(
		(
			await admin.request.post('/api/auth/login', {
				data: { email: 'admin.se@demo.local', password: 'demo' }
			})
		).status()
	).toBe(200);
	const created = await admin.request.post('/api/rccs/se/plans', {
		data: { title: 'Accessibility e2e', period: '2026-2029' }
	});
	const planId = (await created.json()).id as string;
	const published = await admin.request.post(`/api/rccs/se/plans/${planId}/publish`, { data: {} });
	expect(published.status()).toBe(201);

	await admin.goto('/rcc/se/plans');
	expect((await new AxeBuilder({ page: admin }).analyze()).violations).toEqual([]);

	await admin.goto(`/rcc/se/plans/${planId}`);
	await expect(admin.getByTestId('connection-state')).toHaveText('Live');
	await admin.getByRole('button', { name: 'Add an action' }).click();
	expect((await new AxeBuilder({ page: admin }).analyze()).violations).toEqual([]);
	// The "Link to the map" dialog, with its choices loaded.
	await admin.getByRole('button', { name: /^Link to the map/ }).click();
	const dialog = admin.getByRole('dialog', { name: 'Link to the map' });
	await expect(
		dialog.getByRole('region', { name: 'Local authorities' }).getByRole('button').first()
	).toBeVisible();
	await expect(dialog.getByRole('status')).toHaveCount(0);
	expect((await new AxeBuilder({ page: admin }).analyze()).violations).toEqual([]);
	await admin.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	const anonymous = await (await browser.newContext()).newPage();
	await anonymous.goto(`/published/se/${planId}/v1`);
	expect((await new AxeBuilder({ page: anonymous }).analyze()).violations).toEqual([]);
	await anonymous.goto(`/published/se/${planId}`);
	expect((await new AxeBuilder({ page: anonymous }).analyze()).violations).toEqual([]);
});
