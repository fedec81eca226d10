import type { Browser, Page } from '@playwright/test';
import type { RccSummary } from '../../src/lib/domain/types';
import { expect, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

const KENT = 'e10000016@demo.local';

async function kentWithNewPlan(browser: Browser, title: string): Promise<{ page: Page; planId: string }> {
	const page = await (await browser.newContext()).newPage();
	expect(
		(await page.request.post('/api/auth/login', { data: { email: KENT, password: 'demo' } })).status()
	).toBe(200);
	const created = await page.request.post('/api/rccs/se/plans', { data: { title, period: '2026-2029' } });
	expect(created.status()).toBe(201);
	return { page, planId: (await created.json()).id };
}

test('a live figure chip shows its source and follows the data when it changes', async ({ browser }) => {
	const { page, planId } = await kentWithNewPlan(browser, 'Figures e2e');
	const kent = new PlanEditorPage(page);
	await kent.goto('se', planId);

	await kent.caretInSection('Gaps and priorities');
	await page.getByRole('button', { name: 'Live figure' }).click();
	const picker = page.getByRole('group', { name: 'Insert a live figure' });
	await picker.getByLabel('Area').selectOption({ label: 'Kent' });
	await picker.getByLabel('Figure').selectOption('percentOver20Miles');
	await expect(picker).toContainText(/Kent: \d+% of children placed over 20 miles from home/);
	await picker.getByRole('button', { name: 'Insert figure' }).click();

	const chip = kent.text.locator('.live-figure[data-area="E10000016"]');
	await expect(chip).toContainText(/Kent: \d+% of children placed over 20 miles from home/);
	await expect(chip).toContainText('Department for Education');
	await expect(chip).toHaveAttribute('title', /Source: Department for Education/);

	// The data changes (as after an import): the next read of the summary carries the new figure.
	await page.route('**/api/rccs/se/summary', async (route) => {
		const summary = (await (await route.fetch()).json()) as RccSummary;
		const kentFigures = summary.las.find((la) => la.code === 'E10000016');
		if (kentFigures) kentFigures.percentOver20Miles = { computed: 77, published: 31 };
		await route.fulfill({ json: summary });
	});
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
	await expect(chip).toContainText('Kent: 77% of children placed over 20 miles from home');
});

test('named versions: save, compare, restore', async ({ browser }) => {
	const { page, planId } = await kentWithNewPlan(browser, 'Versions e2e');
	const kent = new PlanEditorPage(page);
	await kent.goto('se', planId);
	const history = page.getByRole('region', { name: 'Version history' });

	await history.getByLabel('Name this version').fill('First draft');
	await history.getByRole('button', { name: 'Save version' }).click();
	await expect(history.getByRole('button', { name: 'First draft' })).toBeVisible();

	await kent.caretInSection('Governance and review');
	await page.keyboard.type('The board meets quarterly.');
	await history.getByLabel('Name this version').fill('Second draft');
	await history.getByRole('button', { name: 'Save version' }).click();
	await expect(history.getByRole('button', { name: 'Second draft' })).toBeVisible();

	await history.getByLabel('From').selectOption({ label: 'First draft' });
	await history.getByLabel('To').selectOption({ label: 'Second draft' });
	await history.getByRole('button', { name: 'Compare' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog.locator('.line--added')).toContainText('The board meets quarterly.');
	await expect(dialog.locator('.line--removed')).toHaveCount(1);
	// The words typed are marked within the changed line, not just the line.
	await expect(dialog.locator('.line--added ins')).toHaveText(/^\s*The board meets quarterly\.\s*$/);
	await dialog.getByRole('button', { name: 'Close' }).click();

	await history.getByRole('button', { name: 'First draft' }).click();
	await expect(dialog).not.toContainText('The board meets quarterly.');
	page.once('dialog', (confirm) => void confirm.accept());
	await dialog.getByRole('button', { name: 'Restore this version' }).click();
	await expect(kent.text).not.toContainText('The board meets quarterly.');
	await expect(kent.sectionPrompt('Who owns the strategy')).toBeVisible();
	await expect(history.getByRole('button', { name: 'Before restoring "First draft"' })).toBeVisible();

	// Another person opening the plan now sees the restored text.
	const other = new PlanEditorPage(await (await browser.newContext()).newPage());
	expect(
		(
			await other.page.request.post('/api/auth/login', {
				data: { email: 'e06000035@demo.local', password: 'demo' }
			})
		).status()
	).toBe(200);
	await other.goto('se', planId);
	await expect(other.sectionPrompt('Who owns the strategy')).toBeVisible();
	await expect(other.text).not.toContainText('The board meets quarterly.');
});
