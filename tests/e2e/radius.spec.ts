import { expect, signIn, test } from './fixtures';

/** The radius tool on the Greater Manchester map, as Manchester's demo commissioner. */
test('a 20-mile circle at the map centre lists the homes within it', async ({ page, mapPage }) => {
	await signIn(page);
	await mapPage.goto('gm');
	await mapPage.waitForIdle();

	const radius = page.getByLabel('Radius in miles');
	const measure = page.getByRole('button', { name: 'Measure a radius' });
	// Out of range: a clear message, and the map does not wait for a click.
	await radius.fill('150');
	await measure.click();
	await expect(page.getByRole('alert')).toContainText('Radius must be between 1 and 100 miles');

	// Escape cancels a pending click.
	await radius.fill('20');
	await measure.click();
	await expect(page.getByRole('status').filter({ hasText: 'Click the map' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('status').filter({ hasText: 'Radius tool cancelled' })).toBeVisible();

	await measure.click();
	const box = (await mapPage.map.boundingBox())!;
	await mapPage.map.click({ position: { x: box.width / 2, y: box.height / 2 } });
	const homes = page.getByTestId('radius-homes');
	await expect(homes).toContainText('within 20 miles');
	expect(Number(/^([\d,]+) homes/.exec(await homes.innerText())?.[1].replace(/,/g, ''))).toBeGreaterThan(0);
	// A click that places the centre is not also a selection.
	await expect(mapPage.details).toHaveCount(0);
	await mapPage.waitForIdle();
	await mapPage.screenshot('radius-20-miles');
});

test("choosing an LA, then a hotspot hexagon, shows its children's placements with their miles", async ({
	page,
	mapPage
}) => {
	await signIn(page);
	await mapPage.goto('gm');
	await mapPage.waitForIdle();

	const manchester = { kind: 'la', code: 'E08000003' } as const;
	await mapPage.clickOn(manchester);
	const lines = page.getByTestId('placement-lines');
	await expect(lines.getByRole('heading', { level: 2 })).toHaveText('Placements of children from Manchester');
	const miles = lines.getByRole('list', { name: 'Miles from home to placement' }).getByRole('listitem');
	expect(await miles.count()).toBeGreaterThan(0);

	// Manchester's centre is its densest area: a demand hotspot lies under its label.
	await mapPage.setLayer('Demand hotspots', true);
	await mapPage.clickOn(manchester);
	await expect(lines.getByRole('heading', { level: 2 })).toHaveText(
		'Placements of children from this hexagon'
	);
	await expect(lines).toContainText(/Median distance/);
	await mapPage.waitForIdle();
	await mapPage.screenshot('placements-from-hexagon');

	await page.keyboard.press('Escape');
	await expect(lines).toHaveCount(0);
});
