import type { Page } from '@playwright/test';
import { expect, screenshotPath, signIn, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

/** A new plan of GM's, as Manchester's demo commissioner, to send things into. */
async function newPlan(page: Page, title: string): Promise<string> {
	await signIn(page);
	const created = await page.request.post('/api/rccs/gm/plans', { data: { title, period: '' } });
	expect(created.status()).toBe(201);
	return (await created.json()).id;
}

/** Adds the open panel's "Add to plan" to `title`, follows the link, and returns the plan's map views. */
async function addAndOpen(page: Page, title: string, caption: string | RegExp, shot: string) {
	await page.getByRole('button', { name: 'Add to plan' }).click();
	const form = page.getByRole('form', { name: 'Add to a plan' });
	await form.getByLabel('Plan').selectOption({ label: title });
	await expect(form.getByLabel('Section')).toHaveValue('Gaps and priorities');
	await expect(form).toContainText(caption);
	await form.screenshot({ path: screenshotPath(shot) });
	await form.getByRole('button', { name: 'Add to the plan' }).click();
	await expect(form.getByRole('status')).toContainText(`Added to “Gaps and priorities” in ${title}`);
	await form.getByRole('link', { name: title }).click();
	const editor = new PlanEditorPage(page);
	await expect(editor.connection).toHaveText('Live');
	return editor.mapViews();
}

test("a commissioner sends a radius's result into a plan, as a live map view with its figures", async ({
	page,
	mapPage
}) => {
	const planId = await newPlan(page, 'Radius e2e');
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.openSection('What lies within a radius');
	await page.getByLabel('Radius in miles').fill('10');
	await page.getByRole('button', { name: 'Measure a radius' }).click();
	await mapPage.clickOn({ kind: 'la', code: 'E08000003' });
	const homes = /^([\d,]+ homes?) within 10 miles: ([\d,]+ places?), ([\d,]+ vacanc(?:y|ies))/.exec(
		await page.getByTestId('radius-homes').innerText()
	);
	expect(homes).not.toBeNull();
	const figures = `${homes![1]}, ${homes![2]}, ${homes![3]}`;

	const block = await addAndOpen(page, 'Radius e2e', `Within 10 miles of`, 'add-radius-to-plan');
	await expect(block).toHaveCount(1);
	await expect(block).toContainText(/Within 10 miles of 53\.\d{3}° N, 2\.\d{3}° W: /);
	await expect(block).toContainText(figures);
	// The own LA's children (listed in the panel for this commissioner) never reach the plan.
	await expect(block).not.toContainText('Your LA');
	expect(new URL(page.url()).pathname).toBe(`/rcc/gm/plans/${planId}`);
	// The map in the plan is live and fitted: drawn, not a frozen picture.
	await block.scrollIntoViewIfNeeded();
	const map = block.getByRole('region', { name: /^Live map of / });
	await expect(map).toHaveAttribute('data-map-state', 'idle');
	await expect(map.locator('canvas')).toBeVisible();
	await block.screenshot({ path: screenshotPath('radius-in-plan') });
});

test('a commissioner sends a what-if with a proposal into a plan, its figures dated', async ({
	page,
	mapPage
}) => {
	await newPlan(page, 'What if e2e');
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.startScenario();
	await mapPage.openSection('What if');
	await page.getByLabel('Kind').selectOption({ label: "Children's home" });
	await page.getByLabel('Places').fill('6');
	await page.getByLabel('Ages from').fill('10');
	await page.getByLabel('to', { exact: true }).fill('17');
	await page.getByRole('button', { name: 'Add proposed home mid-region' }).click();
	const result = page.getByTestId('what-if-result');
	await expect(result).toHaveAttribute('aria-busy', 'false');
	const now = (await page.getByTestId('region-share-now').innerText()).trim();
	const before = (await page.getByTestId('region-share-before').innerText()).trim();
	const after = (await page.getByTestId('region-share').innerText()).trim();

	const block = await addAndOpen(
		page,
		'What if e2e',
		/What if, as computed on \d{1,2} \w{3} \d{4} \d\d:\d\d \(figures as then\)/,
		'add-what-if-to-plan'
	);
	await expect(block).toHaveCount(1);
	await expect(block).toContainText("1. Children's home, 6 places, ages 10-17");
	await expect(block).toContainText(
		`Region's children placed over 20 miles: ${now} today; if all who could moved, ${before} without and ${after} with the proposals`
	);
	// The map in the plan is live and fitted: drawn, not a frozen picture.
	await block.scrollIntoViewIfNeeded();
	const map = block.getByRole('region', { name: /^Live map of / });
	await expect(map).toHaveAttribute('data-map-state', 'idle');
	await expect(map.locator('canvas')).toBeVisible();
	await block.screenshot({ path: screenshotPath('what-if-in-plan') });
});

test('a viewer is offered no Add to plan for a radius', async ({ page, mapPage }) => {
	await signIn(page, 'viewer.gm@demo.local');
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.openSection('What lies within a radius');
	await page.getByRole('button', { name: 'Measure a radius' }).click();
	await mapPage.clickOn({ kind: 'la', code: 'E08000003' });
	await expect(page.getByTestId('radius-homes')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Add to plan' })).toHaveCount(0);
});
