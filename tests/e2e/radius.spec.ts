import type { Page, Route } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import type { MapPage } from './pages/map-page';

/** The number a radius line starts with ("453 homes within…"). */
const leadingNumber = (text: string) => Number(/^([\d,]+)/.exec(text)?.[1].replace(/,/g, ''));

/** The Greater Manchester map, drawn, as Manchester's demo commissioner, with the radius tool open. */
async function openGreaterManchester(page: Page, mapPage: MapPage) {
	await signIn(page);
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.openSection('What lies within a radius');
}

test('a circle is measured over all of England, with progress, and only the latest answer shown', async ({
	page,
	mapPage
}) => {
	await openGreaterManchester(page, mapPage);

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

	// Every answer is held until the test lets it go: the first circle's answer arrives after a second
	// circle was asked for, and is never shown; the map says it is counting until the second's comes.
	const held: Route[] = [];
	await page.route('**/radius.json?*', (route) => void held.push(route));
	const box = (await mapPage.map.boundingBox())!;
	await measure.click();
	await mapPage.map.click({ position: { x: box.width / 2, y: box.height / 2 } });
	await expect(
		page.getByRole('status').filter({ hasText: 'Counting what lies within 20 miles' })
	).toBeVisible();
	await expect.poll(() => held.length).toBe(1);
	await radius.fill('5');
	await measure.click();
	await mapPage.map.click({ position: { x: box.width / 2, y: box.height / 2 } });
	await held[0].continue();
	// One request at a time: the second goes once the first has answered.
	await expect.poll(() => held.length).toBe(2);
	await expect(
		page.getByRole('status').filter({ hasText: 'Counting what lies within 5 miles' })
	).toBeVisible();
	await expect(page.getByTestId('radius-contents')).toHaveCount(0);
	await held[1].continue();

	const homes = page.getByTestId('radius-homes');
	await expect(homes).toContainText('within 5 miles');
	expect(leadingNumber(await homes.innerText())).toBeGreaterThan(0);
	await expect(page.getByTestId('radius-scope')).toHaveText(
		/All of England within 5 miles, not only Greater Manchester/
	);
	await expect(page.getByTestId('radius-fostering')).toContainText(/Fostering: [\d,]+ places/);
	await expect(page.getByTestId('radius-children')).toContainText(
		/children in [\d,]+ demand hexagons? \(5 or more children each\)/
	);
	await expect(page.getByTestId('radius-own')).toContainText(/^Your LA, Manchester: [\d,]+ child/);
	// A click that places the centre is not also a selection.
	await expect(mapPage.details).toHaveCount(0);
});

test('a circle at the edge of Greater Manchester counts the homes over the border', async ({
	page,
	mapPage
}) => {
	await openGreaterManchester(page, mapPage);
	await page.getByLabel('Radius in miles').fill('15');
	await page.getByRole('button', { name: 'Measure a radius' }).click();
	// Wigan is GM's westernmost LA: 15 miles from its middle reach St Helens, Lancashire and beyond.
	await mapPage.clickOn({ kind: 'la', code: 'E08000010' });

	const outside = page.getByTestId('radius-outside');
	await expect(outside).toContainText('of these outside Greater Manchester');
	expect(leadingNumber(await outside.innerText())).toBeGreaterThan(0);
	await page.getByText(/^By local authority/).click();
	const byLa = page.getByRole('table', { name: /by local authority/ });
	await expect(byLa.getByRole('row', { name: /outside the region/ }).first()).toBeVisible();
	await expect(byLa.getByRole('row', { name: /^Wigan/ })).toBeVisible();
	await mapPage.waitForIdle();
	await mapPage.screenshot('radius-gm-edge');
});

test("choosing an LA, then a hotspot hexagon, shows its children's placements with their miles", async ({
	page,
	mapPage
}) => {
	await openGreaterManchester(page, mapPage);

	const manchester = { kind: 'la', code: 'E08000003' } as const;
	await mapPage.clickOn(manchester);
	const lines = page.getByTestId('placement-lines');
	await expect(lines.getByRole('heading', { level: 2 })).toHaveText('Placements of children from Manchester');
	await expect(mapPage.details.locator('#details-heading')).toHaveText('Manchester');
	const miles = lines.getByRole('list', { name: 'Miles from home to placement' }).getByRole('listitem');
	expect(await miles.count()).toBeGreaterThan(0);

	// Manchester's centre is its densest area: a demand hotspot lies under its label. The hexagon is
	// chosen alone: its lines, not the details of the LA beneath it.
	await mapPage.setLayer('Demand hotspots', true);
	await mapPage.clickOn(manchester);
	await expect(lines.getByRole('heading', { level: 2 })).toHaveText(
		'Placements of children from this hexagon'
	);
	await expect(lines).toContainText(/Median distance/);
	await expect(mapPage.details.locator('#details-heading')).toHaveCount(0);
	await mapPage.waitForIdle();
	await mapPage.screenshot('placements-from-hexagon');

	await page.keyboard.press('Escape');
	await expect(lines).toHaveCount(0);
});

test('a hotspot hexagon chosen from the table shows its placement lines on the map', async ({
	page,
	mapPage
}) => {
	await openGreaterManchester(page, mapPage);
	await mapPage.setLayer('Demand hotspots', true);
	await mapPage.viewButton('Table').click();

	const hexagons = page.getByRole('table', { name: /Demand hotspots/ });
	const show = hexagons.getByRole('button', { name: /^Show placement lines from hexagon/ });
	expect(await show.count()).toBeGreaterThan(0);
	// Every hexagon listed holds at least 5 children, as drawn.
	for (const cell of await hexagons.locator('tbody tr td:nth-child(2)').allInnerTexts())
		expect(Number(cell.replace(/,/g, ''))).toBeGreaterThanOrEqual(5);
	await mapPage.screenshot('table-hexagons');

	// The largest hexagon is in central Manchester: the commissioner's own children.
	await show.first().focus();
	await page.keyboard.press('Enter');
	await expect(mapPage.viewButton('Map')).toHaveAttribute('aria-pressed', 'true');
	const heading = page.getByTestId('placement-lines').getByRole('heading', { level: 2 });
	await expect(heading).toHaveText('Placements of children from this hexagon');
	await expect(heading).toBeFocused();
	await expect(page.getByTestId('placement-lines')).toContainText(/Median distance/);
	await expect(mapPage.details.locator('#details-heading')).toHaveCount(0);
	await mapPage.waitForIdle();
	await mapPage.screenshot('placements-from-table-hexagon');
});
