import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

const serious = (violations: { impact?: string | null }[]) =>
	violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');

test.beforeEach(async ({ page }) => {
	await signIn(page);
});

test('the home page has no serious accessibility violations', async ({ page, homePage }) => {
	await homePage.goto();
	await expect(homePage.regions).toBeVisible();
	const results = await new AxeBuilder({ page }).analyze();
	expect(serious(results.violations), JSON.stringify(serious(results.violations), null, 1)).toEqual([]);
});

async function checkMap(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(serious(results.violations), JSON.stringify(serious(results.violations), null, 1)).toEqual([]);
}

test('the map page, its table and its details panel have no serious accessibility violations', async ({
	page,
	mapPage
}) => {
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await checkMap(page);
	await mapPage.viewButton('Table').click();
	await checkMap(page);
	await page.getByRole('button', { name: 'Show Bolton on the map' }).click();
	await expect(mapPage.details).toBeVisible();
	await checkMap(page);
});
