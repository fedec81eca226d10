import AxeBuilder from '@axe-core/playwright';
import { expect, screenshotPath, signIn, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

test('the live figure form opens beside the caret, in view, with labelled buttons, and inserts there', async ({
	page
}) => {
	await signIn(page);
	const created = await page.request.post('/api/rccs/gm/plans', {
		data: { title: 'Live figure e2e', period: '' }
	});
	expect(created.status()).toBe(201);
	const editor = new PlanEditorPage(page);
	await editor.goto('gm', (await created.json()).id);

	// The last section: the page scrolls far down to reach it.
	await editor.caretInSection('Governance and review');
	await page.keyboard.type('Reviewed each year, with');
	const caret = await page.evaluate(() => {
		const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
		return { top: rect.top, bottom: rect.bottom, scrollY: window.scrollY };
	});
	expect(caret.scrollY).toBeGreaterThan(500);

	await page.getByRole('button', { name: 'Live figure' }).click();
	const picker = page.getByRole('group', { name: 'Insert a live figure' });
	await expect(picker).toBeVisible();
	const box = (await picker.boundingBox())!;
	const viewport = page.viewportSize()!;
	expect(box.y).toBeGreaterThanOrEqual(0);
	expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
	expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
	// Beside the caret: just below its line, or just above it when there is no room below.
	const gap = box.y >= caret.bottom ? box.y - caret.bottom : caret.top - (box.y + box.height);
	expect(gap).toBeGreaterThanOrEqual(0);
	expect(gap).toBeLessThan(40);
	await expect(picker.getByLabel('Area')).toBeFocused();

	const insert = picker.getByRole('button', { name: 'Insert figure' });
	await expect(insert).toBeVisible();
	await expect(picker.getByRole('button', { name: 'Cancel' })).toBeVisible();
	// Not the white box it was: the button's text and its background differ.
	const colours = await insert.evaluate((button) => {
		const style = getComputedStyle(button);
		return { text: style.color, background: style.backgroundColor };
	});
	expect(colours.text).not.toBe(colours.background);
	expect((await new AxeBuilder({ page }).include('#figure-picker').analyze()).violations).toEqual([]);
	await picker.getByLabel('Area').selectOption({ label: 'Manchester' });
	await picker.getByLabel('Figure').selectOption('childrenLookedAfter');
	await expect(picker).toContainText(/Manchester: [\d,]+ children looked after/);
	await page.screenshot({ path: screenshotPath('plan-live-figure-form') });

	await page.keyboard.press('Escape');
	await expect(picker).toHaveCount(0);
	await page.getByRole('button', { name: 'Live figure' }).click();
	await picker.getByLabel('Area').selectOption({ label: 'Manchester' });
	await picker.getByLabel('Figure').selectOption('childrenLookedAfter');
	await insert.click();
	await expect(picker).toHaveCount(0);
	const paragraph = editor.text.locator('p', { hasText: 'Reviewed each year, with' });
	await expect(paragraph.locator('.live-figure[data-area="E08000003"]')).toContainText(
		/Manchester: [\d,]+ children looked after/
	);
});
