import { expect, screenshotPath, signIn, test } from './fixtures';

test('an anonymous visitor is asked to sign in, and sees no figures', async ({ page, homePage }) => {
	await homePage.goto();
	await expect(page.getByRole('heading', { name: 'Sign in to see your region' })).toBeVisible();
	await expect(homePage.regions).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Sign in' }).first()).toHaveAttribute('href', /\/login/);
	// Published strategies are public: the home page leads to them.
	await page.getByRole('link', { name: 'Read the published strategies' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Published sufficiency strategies');
	await expect(page.getByRole('region', { name: /Greater Manchester/ })).toBeVisible();
});

test('the home page lists the RCCs the user works in and England, with headline figures, and opens a map', async ({
	page,
	homePage
}) => {
	await signIn(page);
	await homePage.goto();
	const gm = homePage.region(/Greater Manchester/);
	const england = homePage.region(/^England$/);
	await expect(gm).toBeVisible();
	await expect(england).toBeVisible();
	// A Manchester commissioner works in Greater Manchester only; England (aggregates) is open to all.
	await expect(homePage.region(/South East/)).toHaveCount(0);
	// Demo groupings say so; England is not one.
	await expect(gm).toContainText(/demo/i);
	await expect(england).not.toContainText(/demo/i);
	await expect(gm).toContainText('10 local authorities');
	await expect(england).toContainText('153 local authorities');
	for (const figure of [
		'Children looked after',
		'Placed over 20 miles from home',
		"Children's homes",
		'Places in homes'
	]) {
		await expect(gm.getByRole('term').filter({ hasText: figure })).toBeVisible();
	}
	// Real numbers, not dashes, for the demo regions.
	await expect(gm.getByRole('definition').first()).toHaveText(/^\d{1,3}(,\d{3})*$/);
	await expect(gm.getByRole('definition').nth(1)).toHaveText(/^\d+\.\d%$/);
	// England: the records cover the demo LAs only, so its child figures are DfE's, and say so.
	await expect(england.getByRole('definition').first()).toHaveText(/^\d{2},\d{3} published by DfE, 2025$/);
	await expect(england.getByRole('definition').nth(1)).toHaveText(/^\d+\.\d% published by DfE, 2025$/);
	await page.screenshot({ path: screenshotPath('home'), fullPage: true });

	await homePage.open(/Greater Manchester/);
	await expect(page).toHaveURL(/\/rcc\/gm$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Greater Manchester');
});

test('an RCC administrator of the South East sees the South East listed', async ({ page, homePage }) => {
	await signIn(page, 'admin.se@demo.local');
	await homePage.goto();
	const se = homePage.region(/South East/);
	await expect(se).toContainText(/demo/i);
	await expect(se).toContainText('19 local authorities');
	await expect(homePage.region(/Greater Manchester/)).toHaveCount(0);
});
