import { expect, screenshotPath, signIn, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';

/** Gaps and what-if on the Greater Manchester map, as Manchester's demo commissioner. */
test('gaps are ranked, and a proposed home changes who could live within 20 miles', async ({
	page,
	mapPage
}) => {
	const signInPage = new SignInPage(page);
	await signInPage.goto('/rcc/gm');
	await signInPage.signIn('e08000003@demo.local', 'demo');
	await expect(page).toHaveURL(/\/rcc\/gm$/);
	await mapPage.startScenario();

	// The tools start closed, their headings in view; opening one shows it.
	const gapsButton = mapPage.sectionButton('Gaps');
	await expect(gapsButton).toHaveAttribute('aria-expanded', 'false');
	await expect(page.getByRole('button', { name: 'Find gaps' })).toBeHidden();
	await expect(mapPage.sectionButton("Your LA's children")).toBeInViewport();
	await gapsButton.focus();
	await page.keyboard.press('Enter');
	await expect(gapsButton).toHaveAttribute('aria-expanded', 'true');
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

	// The top gap says who it leaves unserved and why, and fills in a home that would serve them.
	await gaps.first().getByRole('button', { pressed: false }).click();
	await expect(gaps.first().getByRole('button').first()).toHaveAttribute('aria-pressed', 'true');
	const details = page.getByTestId('gap-details');
	await expect(details).toContainText('Who gap 1 leaves unserved');
	await expect(details).toContainText(/need supported accommodation aged 16-17/);
	await expect(details).toContainText('No supported accommodation vacancy within 20 miles of their home.');
	await expect(details.getByRole('table', { name: 'Children per LA' })).toContainText('Manchester');
	await details.getByRole('button', { name: 'Propose a home here for gap 1' }).click();
	await expect(mapPage.sectionButton('What if')).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByLabel('Kind')).toHaveValue('supported');
	await expect(page.getByLabel('Ages from')).toHaveValue('16');
	await expect(page.getByLabel('to', { exact: true })).toHaveValue('17');
	const first = page.waitForResponse((response) => response.url().endsWith('/what-if.json'));
	await page.getByRole('button', { name: 'Add proposed home in gap 1' }).click();
	const proposedAt = (
		JSON.parse((await first).request().postData() ?? '{}') as {
			proposals: { location: number[] }[];
		}
	).proposals[0].location;

	const result = page.getByTestId('what-if-result');
	await expect(result).toHaveAttribute('aria-busy', 'false');
	// The pre-filled home moves the figure: more children within 20 miles, a lower share over 20 miles.
	const gained = Number(await page.getByTestId('region-gained').innerText());
	expect(gained).toBeGreaterThan(0);
	const share = async (testId: string) => parseFloat(await page.getByTestId(testId).innerText());
	expect(await share('region-share')).toBeLessThan(await share('region-share-before'));
	await expect(page.getByTestId('helps-nobody')).toHaveCount(0);
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
		await expect(page.getByTestId('region-gained')).toHaveText(String(answer.region.gained.value));

	await result.scrollIntoViewIfNeeded();
	await page.screenshot({ path: screenshotPath('analysis-what-if') });

	// Removing the proposal brings the region back to no gain.
	await page.getByRole('button', { name: 'Remove proposed home 1' }).click();
	await expect(page.getByTestId('region-gained')).toHaveText('0');
	await expect(page.locator('.proposed-home-marker')).toHaveCount(0);

	// A children's home in the same gap helps nobody, and says why.
	await page.getByLabel('Kind').selectOption('childrens_home');
	await page.getByRole('button', { name: 'Add proposed home in gap 1' }).click();
	await expect(result).toHaveAttribute('aria-busy', 'false');
	await expect(page.getByTestId('region-gained')).toHaveText('0');
	await expect(page.getByTestId('helps-nobody')).toContainText(
		/Helps nobody\. None of these children needs a children's home; \d+ need supported accommodation aged 16-17\./
	);
	// A withheld share may be any size: it reads "withheld", never "<5" (which beside percentages says "under 5%").
	const perLa = page.getByRole('table', { name: 'What the proposed homes change, per LA' });
	const labels = (column: number) =>
		perLa
			.locator(`tbody td:nth-child(${column}) abbr.suppressed`)
			.evaluateAll((abbrs) => abbrs.map((abbr) => abbr.childNodes[0]?.textContent?.trim()));
	const shareLabels = [...(await labels(2)), ...(await labels(3))];
	expect(shareLabels.length).toBeGreaterThan(0);
	expect(new Set(shareLabels)).toEqual(new Set(['withheld']));
	await page.getByTestId('helps-nobody').scrollIntoViewIfNeeded();
	await page.screenshot({ path: screenshotPath('analysis-helps-nobody') });
});

test("a closed section's drawings leave the map and come back when it opens", async ({ page, mapPage }) => {
	await signIn(page);
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.openSection('Gaps');
	await page.getByRole('button', { name: 'Find gaps' }).click();
	const drawn = () => page.evaluate(() => window.closeToHomeAnalysis?.renderedGapCells() ?? 0);
	await expect.poll(drawn).toBeGreaterThan(0);
	await mapPage.sectionButton('Gaps').click();
	await expect.poll(drawn).toBe(0);
	await mapPage.openSection('Gaps');
	await expect.poll(drawn).toBeGreaterThan(0);
});

test('one map-click tool is armed at a time; Escape disarms; a proposed home goes where the map is clicked', async ({
	page,
	mapPage
}) => {
	await signIn(page);
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.startScenario();
	await mapPage.openSection('What if');
	await mapPage.openSection('What lies within a radius');
	const place = page.getByRole('button', { name: 'Choose a place on the map' });
	const measure = page.getByRole('button', { name: 'Measure a radius' });
	const status = (text: string) => page.getByRole('status').filter({ hasText: text });

	// Arming the radius disarms placing, and the other way round.
	await place.click();
	await expect(status('Click the map where the proposed home goes')).toBeVisible();
	await measure.click();
	await expect(status('Placing the proposed home cancelled')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Cancel placing' })).toHaveCount(0);
	await place.click();
	await expect(status('Radius tool cancelled')).toBeVisible();
	await expect(measure).toBeVisible();

	// Escape disarms; a click then chooses what is under it again.
	await page.keyboard.press('Escape');
	await expect(status('Placing the proposed home cancelled')).toBeVisible();
	await expect(place).toBeVisible();

	// Closing the section disarms its tool too.
	await place.click();
	await mapPage.sectionButton('What if').click();
	await mapPage.openSection('What if');
	await expect(status('Placing the proposed home cancelled')).toBeVisible();

	// Armed, a click on Manchester places the home there and selects nothing.
	await place.click();
	const asked = page.waitForResponse((response) => response.url().endsWith('/what-if.json'));
	await mapPage.clickOn({ kind: 'la', code: 'E08000003' });
	const proposal = (
		JSON.parse((await asked).request().postData() ?? '{}') as { proposals: { location: number[] }[] }
	).proposals[0];
	// Where Manchester's label point is drawn (the click landed on it), not the region's middle.
	const boundaries = (await (await page.request.get('/api/rccs/gm/boundaries.geojson')).json()) as {
		features: { properties: { code: string; labelLon: number; labelLat: number } }[];
	};
	const label = boundaries.features.find((f) => f.properties.code === 'E08000003')!.properties;
	expect(Math.abs(proposal.location[0] - label.labelLon)).toBeLessThan(0.005);
	expect(Math.abs(proposal.location[1] - label.labelLat)).toBeLessThan(0.005);
	await expect(status('Proposed home 1 added where you clicked')).toBeVisible();
	await expect(page.locator('.proposed-home-marker')).toHaveCount(1);
	await expect(mapPage.details).toHaveCount(0);
});
