import { expect, screenshotPath, signIn, test } from './fixtures';

test('the forecast page draws the fan, backtest, cost and contribution charts, each with its table', async ({
	page
}) => {
	await signIn(page);
	await page.goto('/rcc/gm');
	await page.getByRole('link', { name: 'Forecast and costs' }).click();
	await expect(page).toHaveURL(/\/rcc\/gm\/forecast$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Forecast and costs: Greater Manchester (demo grouping)'
	);

	// Every chart is drawn by Plot: an SVG with marks in it.
	for (const id of ['fan', 'backtest', 'costs', 'contributions']) {
		const chart = page.locator(`[data-chart="${id}"]`);
		await expect(chart.locator('svg').last(), id).toBeVisible();
		expect(await chart.locator('svg path, svg rect, svg circle, svg line').count(), id).toBeGreaterThan(3);
	}
	// The fan chart's band and the method the region's forecast uses, said in words.
	await expect(page.locator('[data-chart="fan"] svg [fill-opacity]').first()).toBeAttached();
	await expect(
		page.getByText(/(Stock-and-flow model|Naive forecast): in the backtest/).first()
	).toBeVisible();

	// Table alternative and CSV of the fan chart.
	await page
		.getByText('Table: Children looked after in Greater Manchester (demo grouping): observed and forecast')
		.click();
	const fanTable = page
		.locator('figure')
		.filter({ has: page.locator('[data-chart="fan"]') })
		.getByRole('table');
	await expect(fanTable.getByRole('row')).toHaveCount(11);
	const csv = page.getByRole('link', {
		name: /Download the table \(CSV\) ?: Children looked after in Greater Manchester/
	});
	const href = decodeURIComponent(
		(await csv.getAttribute('href'))!.replace(/^data:text\/csv;charset=utf-8,/, '')
	);
	expect(href.split('\r\n')[0]).toBe('Year,Observed,Forecast,Lower,Upper');
	expect(href.split('\r\n')).toHaveLength(11);

	// Choosing an LA redraws the fan for it.
	await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Bolton' });
	await expect(
		page.getByRole('heading', { name: 'Children looked after in Bolton: observed and forecast' })
	).toBeVisible();
	await expect(page.locator('[data-chart="fan"] svg').first()).toBeVisible();

	// Scenario: more children coming into care raise the places needed.
	const row = page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Bolton', exact: true }) })
		.first();
	const before = Number((await row.getByRole('cell').first().textContent())!.replace(/,/g, ''));
	await page.getByLabel(/Children coming into care/).fill('20');
	await expect(page.getByText('Children coming into care: +20% a year')).toBeVisible();
	await expect
		.poll(async () => Number((await row.getByRole('cell').first().textContent())!.replace(/,/g, '')))
		.toBeGreaterThan(before);

	await page.locator('[data-chart="fan"]').scrollIntoViewIfNeeded();
	await page.screenshot({ path: screenshotPath('forecast-page-top'), fullPage: false });

	// Cost sharing: equal shares, and the effect of Wigan leaving before it is applied.
	await page.getByLabel('Equal shares').check();
	await page.getByLabel('or leaving').selectOption({ label: 'Wigan' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/formula=equal/);
	await expect(page.getByRole('table').filter({ hasText: 'If this change were applied' })).toContainText(
		'left'
	);
	await expect(page.locator('[data-chart="contributions"] svg').first()).toBeVisible();
	await page.locator('[data-chart="costs"]').scrollIntoViewIfNeeded();
	await page.screenshot({ path: screenshotPath('forecast-page-costs'), fullPage: true });
});

test('the forecast page is for people of the RCC only', async ({ page }) => {
	await page.goto('/rcc/gm/forecast');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Frcc%2Fgm%2Fforecast/);
	await signIn(page);
	const response = await page.goto('/rcc/se/forecast');
	expect(response?.status()).toBe(404);
});
