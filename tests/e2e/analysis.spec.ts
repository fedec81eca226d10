import { expect, screenshotPath, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';

/** Gaps and what-if on the Greater Manchester map, as Manchester's demo commissioner. */
test('gaps are ranked, and a proposed home changes who could live within 20 miles', async ({ page }) => {
	const signIn = new SignInPage(page);
	await signIn.goto('/rcc/gm');
	await signIn.signIn('e08000003@demo.local', 'demo');
	await expect(page).toHaveURL(/\/rcc\/gm$/);

	await page.getByRole('button', { name: 'Find gaps' }).click();
	const gaps = page.getByRole('list', { name: 'Gaps ranked by children affected' }).getByRole('listitem');
	await expect(gaps.first()).toBeVisible();
	const counts = (await gaps.allInnerTexts()).map((text) => Number(/(\d+) children/.exec(text)?.[1]));
	expect(counts.length).toBeGreaterThan(0);
	// Ranked by children affected, and no published cell below five.
	expect(counts).toEqual([...counts].sort((a, b) => b - a));
	expect(Math.min(...counts)).toBeGreaterThanOrEqual(5);

	// The gap hexagons are drawn on the map.
	await page.waitForFunction(() => (window.closeToHomeAnalysis?.renderedGapCells() ?? 0) > 0);

	await gaps.first().getByRole('button').click();
	await expect(gaps.first().getByRole('button')).toHaveAttribute('aria-pressed', 'true');
	await page.getByLabel('Kind').selectOption('supported');
	await page.getByLabel('Places').fill('30');
	const first = page.waitForResponse((response) => response.url().endsWith('/what-if.json'));
	await page.getByRole('button', { name: 'Add proposed home in gap 1' }).click();
	const proposedAt = (
		JSON.parse((await first).request().postData() ?? '{}') as {
			proposals: { location: number[] }[];
		}
	).proposals[0].location;

	const result = page.getByTestId('what-if-result');
	await expect(result).toHaveAttribute('aria-busy', 'false');
	const gained = Number(/\+(\d+)/.exec(await page.getByTestId('region-could-live').innerText())?.[1]);
	expect(gained).toBeGreaterThan(0);
	await expect(page.getByRole('list', { name: 'Proposed homes' }).getByRole('listitem')).toHaveCount(1);
	await expect(page.locator('.proposed-home-marker')).toHaveCount(1);
	// Dragging the proposed home asks again for the new place, and the answer is shown.
	const marker = page.locator('.proposed-home-marker');
	const box = (await marker.boundingBox())!;
	const moved = page.waitForResponse(
		(response) =>
			response.url().endsWith('/what-if.json') &&
			!(response.request().postData() ?? '').includes(JSON.stringify(proposedAt)) &&
			response.ok()
	);
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x - 150, box.y - 100, { steps: 8 });
	await page.mouse.up();
	const answer = (await (await moved).json()) as { region: { gained: { value: number | null } } };
	await expect(result).toHaveAttribute('aria-busy', 'false');
	if (answer.region.gained.value !== null)
		await expect(page.getByTestId('region-could-live')).toContainText(`(+${answer.region.gained.value})`);

	await result.scrollIntoViewIfNeeded();
	await page.screenshot({ path: screenshotPath('analysis-what-if') });

	// Removing the proposal brings the region back to no gain.
	await page.getByRole('button', { name: 'Remove proposed home 1' }).click();
	await expect(page.getByTestId('region-could-live')).toContainText('(+0)');
	await expect(page.locator('.proposed-home-marker')).toHaveCount(0);
});
