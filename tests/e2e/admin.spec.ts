import AxeBuilder from '@axe-core/playwright';
import { expect, screenshotPath, signIn, test } from './fixtures';

/**
 * The South East's administrator on their admin page (issue 11): another RCC's LA is not offered, and
 * adding a person whose email already has an account in Greater Manchester (Bolton's demo commissioner,
 * used by no other spec) reads as adding anyone: the name as typed, this RCC's role, nothing from GM.
 */
test('an RCC administrator adds a person known in another RCC and learns nothing about them', async ({
	page
}) => {
	await signIn(page, 'admin.se@demo.local');
	await page.goto('/admin/se');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('South East');
	const addLa = page.getByLabel('Add a member LA');
	await expect(addLa.locator('option', { hasText: 'Cornwall' })).toHaveCount(1);
	// Greater Manchester's LAs belong to it: they are not offered.
	await expect(addLa.locator('option', { hasText: /^(Manchester|Bolton)$/ })).toHaveCount(0);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	await page.getByLabel('Email address').fill('E08000001@demo.local');
	await page.getByLabel('Name').fill('Typed Name');
	await page.getByLabel('Role', { exact: true }).selectOption('viewer');
	await page.getByRole('button', { name: 'Add person' }).click();
	const banner = page.getByRole('status');
	await expect(banner).toContainText('e08000001@demo.local now has a role in');
	await expect(banner).toContainText('If they are new to Close to Home, their temporary password is');
	const row = page.getByRole('row', { name: /e08000001@demo\.local/ });
	await expect(row).toContainText('Typed Name');
	await expect(row).toContainText('Not since joining');
	await expect(page.locator('main')).not.toContainText('Bolton');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await page.screenshot({ path: screenshotPath('admin-known-person'), fullPage: true });

	await page.goto('/admin/se/audit?action=role.granted');
	await expect(page.getByRole('row', { name: /e08000001@demo\.local/ })).toContainText('name: Typed Name');
	await expect(page.locator('main')).not.toContainText('user.created<');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
