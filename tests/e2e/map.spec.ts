import type { Homes } from '../../src/lib/map/feature-properties';
import { expect, signIn, test } from './fixtures';

const gmMembers = [
	'Bolton',
	'Bury',
	'Manchester',
	'Oldham',
	'Rochdale',
	'Salford',
	'Stockport',
	'Tameside',
	'Trafford',
	'Wigan'
];

test.beforeEach(async ({ page }) => {
	await signIn(page);
});

test('the Greater Manchester map draws every layer, names every member LA and toggles layers', async ({
	mapPage
}) => {
	await mapPage.goto('gm');
	await mapPage.waitForIdle();

	// Labels are drawn from the local system font (no glyph server); MapLibre drops any label that would
	// overlap another, so every member named means all ten fit without overlapping at the default zoom.
	expect((await mapPage.renderedLabels()).sort()).toEqual(gmMembers);
	await mapPage.screenshot('gm-default');

	for (const layer of ['Fostering capacity', 'Demand hotspots', 'Placements'])
		await mapPage.setLayer(layer, true);
	const counts = await mapPage.renderedFeatureCounts();
	expect(counts.boundaries).toBeGreaterThanOrEqual(gmMembers.length);
	expect(counts.homes).toBeGreaterThan(100);
	expect(counts.fostering).toBeGreaterThanOrEqual(gmMembers.length);
	expect(counts.hotspots).toBeGreaterThan(5);
	// Flows between LAs, not a line a child.
	expect(counts.placements).toBeGreaterThan(3);
	expect(counts.placements).toBeLessThan(60);
	await mapPage.screenshot('gm-all-layers');

	await mapPage.setLayer("Children's homes", false);
	expect((await mapPage.renderedFeatureCounts()).homes).toBe(0);
	await mapPage.setLayer('Placements', false);
	expect((await mapPage.renderedFeatureCounts()).placements).toBe(0);
	await mapPage.setLayer("Children's homes", true);
	expect((await mapPage.renderedFeatureCounts()).homes).toBeGreaterThan(100);
});

test('clicking a home or an LA opens its details', async ({ page, mapPage }) => {
	const homes: Homes = await (await page.request.get('/api/rccs/gm/homes.geojson')).json();
	// The largest home is drawn on top of any it overlaps.
	const home = homes.features.reduce((a, b) =>
		b.properties.places > a.properties.places ? b : a
	).properties;

	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.clickOn({ kind: 'home', urn: home.urn });
	await expect(mapPage.details).toBeVisible();
	await expect(mapPage.details.locator('#details-heading')).toHaveText(`Children's home ${home.urn}`);
	await expect(mapPage.details).toContainText(home.sector);
	await expect(mapPage.details).toContainText(home.laName);
	await expect(mapPage.details).toContainText('Location approximate: Ofsted redacts addresses');
	await mapPage.waitForIdle();
	await mapPage.screenshot('gm-home-details');

	await page.keyboard.press('Escape');
	await expect(mapPage.details).toBeHidden();

	await mapPage.setLayer("Children's homes", false);
	await mapPage.clickOn({ kind: 'la', code: 'E08000003' });
	await expect(mapPage.details.locator('#details-heading')).toHaveText('Manchester');
	await expect(mapPage.details).toContainText('Children looked after');
	await expect(mapPage.details).toContainText('Fostering places');
});

test('the table lists what the map shows and works from the keyboard', async ({ page, mapPage }) => {
	await mapPage.goto('gm');
	await mapPage.waitForIdle();

	await mapPage.viewButton('Table').focus();
	await page.keyboard.press('Enter');
	await expect(mapPage.viewButton('Table')).toHaveAttribute('aria-pressed', 'true');
	const las = page.getByRole('table', { name: 'Local authorities' });
	await expect(las.getByRole('row')).toHaveCount(1 + gmMembers.length + 1);
	await expect(las).toContainText('DfE');
	await expect(page.getByRole('table', { name: /Children's homes/ })).toBeVisible();
	await mapPage.screenshot('gm-table');

	// Tab from the view switch into the table, then choose Stockport with the keyboard.
	const stockport = las.getByRole('button', { name: 'Show Stockport on the map' });
	for (
		let presses = 0;
		presses < 60 && !(await stockport.evaluate((element) => element === document.activeElement));
		presses++
	) {
		await page.keyboard.press('Tab');
	}
	await expect(stockport).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(mapPage.viewButton('Map')).toHaveAttribute('aria-pressed', 'true');
	await expect(mapPage.details.locator('#details-heading')).toHaveText('Stockport');
	await expect(mapPage.details.locator('#details-heading')).toBeFocused();
	await mapPage.waitForIdle();
	await mapPage.screenshot('gm-from-table');
});

test('the South East and England maps draw, leaving out what the account may not see', async ({
	page,
	mapPage
}) => {
	// An RCC administrator sees aggregates, not child-level placements (DESIGN.md "Privacy and access").
	await page.context().clearCookies();
	await signIn(page, 'admin.se@demo.local');
	await mapPage.goto('se');
	await mapPage.waitForIdle();
	await mapPage.setLayer('Demand hotspots', true);
	const se = await mapPage.renderedFeatureCounts();
	expect(se.boundaries).toBeGreaterThanOrEqual(19);
	expect(se.homes).toBeGreaterThan(100);
	expect(se.hotspots).toBeGreaterThan(5);
	expect((await mapPage.renderedLabels()).length).toBeGreaterThan(10);
	await expect(page.getByText('No placements to show: commissioners see the placements')).toBeVisible();
	await mapPage.screenshot('se-default');

	await mapPage.goto('england');
	await mapPage.waitForIdle();
	await mapPage.setLayer('Demand hotspots', true);
	const england = await mapPage.renderedFeatureCounts();
	expect(england.boundaries).toBeGreaterThan(100);
	expect(england.hotspots).toBeGreaterThan(5);
	await mapPage.screenshot('england-default');
});

test('the map says when its data is loading, and when it could not be loaded, and tries again', async ({
	page,
	mapPage
}) => {
	let failing = true;
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/api/rccs/gm/homes.geojson', async (route) => {
		await held;
		if (failing)
			await route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"boom"}' });
		else await route.continue();
	});
	await mapPage.goto('gm');
	await expect(page.getByRole('status').filter({ hasText: 'Loading the map data' })).toBeVisible();
	release();
	const alert = page.getByRole('alert').filter({ hasText: 'The map data could not be loaded' });
	await expect(alert).toBeVisible();
	await expect(alert).toContainText('homes.geojson answered 500');

	failing = false;
	await alert.getByRole('button', { name: 'Try again' }).click();
	await mapPage.waitForIdle();
	await expect(alert).toBeHidden();
	expect((await mapPage.renderedFeatureCounts()).homes).toBeGreaterThan(100);
});

test('an unknown RCC is a 404 page', async ({ page }) => {
	const response = await page.goto('/rcc/no-such-region');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page.getByRole('link', { name: 'See all regions' })).toBeVisible();
});

test('an anonymous visitor to a map is sent to sign in, and back afterwards', async ({ browser }) => {
	const page = await browser.newPage();
	await page.goto('/rcc/gm');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Frcc%2Fgm/);
	await page.close();
});
