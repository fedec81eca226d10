import AxeBuilder from '@axe-core/playwright';
import type { Page, Response } from '@playwright/test';
import { expect, screenshotPath, signIn, test } from './fixtures';

/** Every answer of 400 or more the page received: a map page should have none. */
function failedResponses(page: Page): string[] {
	const failed: string[] = [];
	page.on('response', (response: Response) => {
		if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
	});
	return failed;
}

test('the England map draws what a commissioner may see, agreeing with its figures', async ({
	page,
	mapPage
}) => {
	await signIn(page);
	const failed = failedResponses(page);
	await mapPage.goto('england');
	await mapPage.waitForIdle();
	// Homes are drawn one circle per LA: no one may see every home nationally.
	const counts = await mapPage.renderedFeatureCounts();
	expect(counts.homes).toBeGreaterThan(100);
	const key = page.getByRole('region', { name: "Key: Children's homes" });
	await expect(key).toContainText('4,009 homes, 15,742 places in all');
	const region = page.getByRole('region', { name: 'Whole region' });
	await expect(region).toContainText('4,009');
	await expect(region).toContainText('15,742');
	await expect(region).toContainText("England's child figures are DfE's published ones");
	await mapPage.screenshot('england-commissioner');
	expect(failed).toEqual([]);
});

for (const [width, height] of [
	[1440, 900],
	[1920, 1080]
]) {
	test(`every layer on at ${width}x${height}: a key on the map, and no failed request`, async ({
		page,
		mapPage
	}) => {
		await page.setViewportSize({ width, height });
		await signIn(page);
		const failed = failedResponses(page);
		await mapPage.goto('gm');
		await mapPage.waitForIdle();
		for (const layer of ['Fostering capacity', 'Demand hotspots', 'Placements'])
			await mapPage.setLayer(layer, true);
		const key = page.locator('details.map-legend');
		for (const title of ['Fostering capacity', 'Demand hotspots', 'Placements', "Children's homes"])
			await expect(key.getByRole('region', { name: `Key: ${title}` })).toBeInViewport();
		await page.screenshot({ path: screenshotPath(`gm-every-layer-${width}x${height}`) });
		await mapPage.goto('england');
		await mapPage.waitForIdle();
		for (const layer of ['Fostering capacity', 'Demand hotspots']) await mapPage.setLayer(layer, true);
		await page.screenshot({ path: screenshotPath(`england-every-layer-${width}x${height}`) });
		expect(failed).toEqual([]);
	});
}

test('a viewer is offered no editing tools, and the server refuses a what-if', async ({ page, mapPage }) => {
	await signIn(page, 'viewer.gm@demo.local');
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.openSection('Gaps');
	await page.getByRole('button', { name: 'Find gaps' }).click();
	const gaps = page.getByRole('list', { name: 'Gaps ranked by children affected' }).getByRole('listitem');
	await gaps.first().getByRole('button').click();
	await expect(page.getByTestId('gap-details')).toContainText('Who gap 1 leaves unserved');
	await expect(page.getByRole('button', { name: /Propose a home here/ })).toHaveCount(0);
	await expect(mapPage.sectionButton('What if')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Add proposed home/ })).toHaveCount(0);
	await expect(mapPage.sectionButton("Your LA's children")).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
	const refused = await page.request.post('/api/rccs/gm/what-if.json', { data: { proposals: [] } });
	expect(refused.status()).toBe(403);
	expect(((await refused.json()) as { message: string }).message).toContain('Viewers cannot propose homes');
});

test('an administrator finds administration from the header; a commissioner is told whom it is for', async ({
	page,
	mapPage
}) => {
	await signIn(page, 'admin.gm@demo.local');
	await mapPage.goto('gm');
	await page
		.getByRole('navigation', { name: 'Account' })
		.getByRole('link', { name: 'Administration' })
		.click();
	await expect(page).toHaveURL(/\/admin$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Administration' })).toBeVisible();

	await page.context().clearCookies();
	await signIn(page);
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
	await expect(page.getByRole('main')).toContainText(
		'You do not have access to this page: it is for RCC administrators.'
	);
	await expect(page.getByRole('main')).not.toContainText('Try again later');
	await page.getByRole('link', { name: 'See all regions' }).click();
	await expect(page).toHaveURL(/\/$/);
	await page.goto('/admin');
	await page.screenshot({ path: screenshotPath('admin-403-commissioner') });
});

test('the gap breakdown, the what-if form and the key on the map pass axe', async ({ page, mapPage }) => {
	await signIn(page);
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.startScenario();
	await mapPage.setLayer('Demand hotspots', true);
	await mapPage.openSection('Gaps');
	await page.getByRole('button', { name: 'Find gaps' }).click();
	const gaps = page.getByRole('list', { name: 'Gaps ranked by children affected' }).getByRole('listitem');
	await gaps.first().getByRole('button').click();
	await page.getByRole('button', { name: 'Propose a home here for gap 1' }).click();
	await page.getByRole('button', { name: 'Add proposed home in gap 1' }).click();
	await expect(page.getByTestId('what-if-result')).toHaveAttribute('aria-busy', 'false');
	const results = await new AxeBuilder({ page })
		.include('.workspace')
		.exclude('.maplibregl-canvas')
		.analyze();
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
