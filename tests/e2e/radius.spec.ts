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
