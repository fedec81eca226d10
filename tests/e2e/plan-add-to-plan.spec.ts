import { expect, screenshotPath, signIn, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

test("a commissioner sends a gap from the map into a plan's section, as a live map view", async ({
	page,
	mapPage
}) => {
	await signIn(page);
	const created = await page.request.post('/api/rccs/gm/plans', {
		data: { title: 'From the map e2e', period: '' }
	});
	expect(created.status()).toBe(201);
	const planId: string = (await created.json()).id;

	await mapPage.goto('gm');
	await mapPage.openSection('Gaps');
	await page.getByRole('button', { name: 'Find gaps' }).click();
	const gaps = page.getByRole('list', { name: 'Gaps ranked by children affected' }).getByRole('listitem');
	const count = Number(/(\d+) children/.exec(await gaps.first().innerText())?.[1]);
	await gaps.first().getByRole('button').click();

	await page.getByRole('button', { name: 'Add to plan' }).click();
	const form = page.getByRole('form', { name: 'Add to a plan' });
	await form.getByLabel('Plan').selectOption({ label: 'From the map e2e' });
	await expect(form.getByLabel('Section')).toHaveValue('Gaps and priorities');
	await expect(form).toContainText(`Gap 1: ${count} children placed over 20 miles`);
	await form.screenshot({ path: screenshotPath('add-to-plan') });
	await form.getByRole('button', { name: 'Add to the plan' }).click();
	await expect(form.getByRole('status')).toContainText('Added to “Gaps and priorities” in From the map e2e');

	await form.getByRole('link', { name: 'From the map e2e' }).click();
	const editor = new PlanEditorPage(page);
	await expect(editor.connection).toHaveText('Live');
	const block = editor.mapViews();
	await expect(block).toHaveCount(1);
	await expect(block).toContainText(`Gap 1: ${count} children placed over 20 miles from home`);
	// At the end of its section: the next heading after it is the next section's.
	const next = await block.evaluate((element) => {
		let sibling = element.nextElementSibling;
		while (sibling && !/^H[1-6]$/.test(sibling.tagName)) sibling = sibling.nextElementSibling;
		return sibling?.textContent;
	});
	expect(next).toBe('Commissioning intentions');
	expect(new URL(page.url()).pathname).toBe(`/rcc/gm/plans/${planId}`);
});

test('a viewer is not offered Add to plan', async ({ page, mapPage }) => {
	await signIn(page, 'viewer.gm@demo.local');
	await mapPage.goto('gm');
	await mapPage.openSection('Gaps');
	await page.getByRole('button', { name: 'Find gaps' }).click();
	const gaps = page.getByRole('list', { name: 'Gaps ranked by children affected' }).getByRole('listitem');
	await gaps.first().getByRole('button').click();
	await expect(gaps.first().getByRole('button')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByRole('button', { name: 'Add to plan' })).toHaveCount(0);
});
