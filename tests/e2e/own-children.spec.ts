import AxeBuilder from '@axe-core/playwright';
import type { Request, Worker } from '@playwright/test';
import { DISTANCE_BANDS, distanceBand } from '../../src/lib/domain/analysis/distance-band';
import type { Placements } from '../../src/lib/map/feature-properties';
import type { RccSummary } from '../../src/lib/domain/types';
import { expect, signIn, test } from './fixtures';
import { OwnChildrenPanel } from './pages/own-children-panel';

const BAND_LABELS = ['0 to 5 miles', '5 to 10 miles', '10 to 20 miles', '20 to 50 miles', 'Over 50 miles'];
const MANCHESTER = 'E08000003';

/**
 * Manchester's commissioner analyses their own LA's children in the browser's analysis worker: the
 * figures must match what the server computes for Manchester, and a far-placed child's nearest
 * suitable vacancies are listed and drawn.
 */
test("a commissioner analyses their LA's children in the worker and finds vacancies near one", async ({
	page,
	mapPage
}) => {
	await signIn(page);
	// The production build's analysis worker (not MapLibre's), and whether it has stopped.
	const workers: Worker[] = [];
	const stopped = new Set<Worker>();
	page.on('worker', (worker) => {
		if (!/\/workers\/worker-[\w-]+\.js/.test(worker.url())) return;
		workers.push(worker);
		worker.on('close', () => stopped.add(worker));
	});
	const inputRequests: Request[] = [];
	page.on('request', (request) => {
		if (request.url().endsWith('/analysis-input.json')) inputRequests.push(request);
	});
	// The first load is held until the page says it is loading, then fails, so the error and its retry
	// are seen; the second passes through.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	let failures = 1;
	await page.context().route('**/api/rccs/gm/analysis-input.json', async (route) => {
		if (failures-- <= 0) return route.continue();
		await held;
		return route.fulfill({ status: 500, body: 'boom' });
	});
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	const panel = new OwnChildrenPanel(page);
	// Lazy: no worker and nothing fetched for it until the panel is opened.
	expect(workers).toHaveLength(0);
	expect(inputRequests).toHaveLength(0);

	await expect(panel.toggle).toHaveAttribute('aria-expanded', 'false');
	await panel.toggle.click();
	await expect(panel.toggle).toHaveAttribute('aria-expanded', 'true');
	await expect(panel.root.getByRole('status')).toHaveText("Loading your LA's children…");
	release();
	await expect(panel.root.getByRole('alert')).toContainText("Your LA's children could not be analysed");
	await expect(panel.root.getByRole('alert')).toContainText('500');
	await panel.root.getByRole('button', { name: 'Try again' }).click();
	await expect(panel.figures).toBeVisible();
	await mapPage.screenshot('own-children-figures');

	// What the server computes for Manchester: the summary (counts and shares) and the placement lines.
	const summary = (await (await page.request.get('/api/rccs/gm/summary')).json()) as RccSummary;
	const manchester = summary.las.find((la) => la.code === MANCHESTER)!;
	const lines = (await (await page.request.get('/api/rccs/gm/placements.geojson')).json()) as Placements;
	const own = lines.features.map((feature) => feature.properties).filter((p) => p.laCode === MANCHESTER);
	const over20 = own.filter((p) => p.over20Miles).length;
	const outsideLa = own.filter((p) => p.outsideLa).length;
	expect(manchester.childrenLookedAfter.computed).toBe(own.length);

	const count = (value: number) => value.toLocaleString('en-GB');
	await expect(panel.figure('children-looked-after')).toContainText(count(own.length));
	await expect(panel.figure('over20Miles')).toContainText(count(over20));
	await expect(panel.figure('over20Miles')).toContainText(
		`${manchester.percentOver20Miles.computed!.toFixed(1)}%`
	);
	await expect(panel.figure('outsideLa')).toContainText(count(outsideLa));
	await expect(panel.figure('outsideLa')).toContainText(
		`${manchester.percentOutsideLa.computed!.toFixed(1)}%`
	);
	// Beside DfE's published figure.
	await expect(panel.figure('over20Miles')).toContainText(
		new RegExp(`DfE\\s*published ${manchester.percentOver20Miles.published!.toFixed(1)}%`)
	);

	// Bands from the lines' miles, which are rounded to 0.1: a child within 0.05 of a band's edge may
	// fall either side, so each band may differ by at most the children near its edges.
	const bands = await panel.bandCounts();
	for (const [index, band] of DISTANCE_BANDS.entries()) {
		const inBand = own.filter((p) => distanceBand(p.miles) === band).length;
		const edges = [0, 5, 10, 20, 50].slice(index, index + 2).filter((edge) => edge > 0);
		const nearEdge = own.filter((p) => edges.some((edge) => Math.abs(p.miles - edge) <= 0.05)).length;
		expect(Math.abs(bands[BAND_LABELS[index]] - inBand), BAND_LABELS[index]).toBeLessThanOrEqual(nearEdge);
	}
	expect(bands['20 to 50 miles'] + bands['Over 50 miles']).toBe(over20);

	// The children placed over 20 miles: paged, furthest first, then nearest first.
	await expect(
		panel.root.getByRole('heading', { name: `Placed over 20 miles from home (${over20})` })
	).toBeVisible();
	const furthest = await panel.listedChildren();
	expect(furthest.length).toBe(Math.min(20, over20));
	expect(furthest.map((c) => c.miles)).toEqual([...furthest.map((c) => c.miles)].sort((a, b) => b - a));
	expect(furthest.every((c) => c.miles > 20)).toBe(true);
	await expect(panel.pager).toContainText(`1 to 20 of ${over20}`);
	await panel.pager.getByRole('button', { name: 'Next page' }).click();
	await expect(panel.pager).toContainText(`21 to ${Math.min(40, over20)} of ${over20}`);
	await panel.order.selectOption('nearest');
	await expect(panel.pager).toContainText(`1 to 20 of ${over20}`);
	const nearest = await panel.listedChildren();
	expect(nearest.map((c) => c.miles)).toEqual([...nearest.map((c) => c.miles)].sort((a, b) => a - b));
	expect(nearest[0].miles).toBeLessThanOrEqual(furthest.at(-1)!.miles);

	// A radius out of range is refused with a message; a valid one lists and draws the vacancies.
	const child = nearest[0];
	await panel.radius.fill('3');
	await panel.findVacanciesFor(child.id).click();
	await expect(panel.root.getByRole('alert')).toHaveText('Radius must be between 5 and 100 miles');
	await expect(panel.radius).toBeFocused();
	await panel.radius.fill('20');
	await panel.findVacanciesFor(child.id).click();
	const vacancies = panel.vacanciesNear(child.id);
	await expect(vacancies.first()).toBeVisible();
	const listed = await vacancies.allInnerTexts();
	const miles = listed.map((text) => Number(/([\d.]+) miles? from home/.exec(text)![1]));
	expect(miles.every((value) => value <= 20)).toBe(true);
	expect(miles).toEqual([...miles].sort((a, b) => a - b));
	for (const text of listed) {
		expect(text).toMatch(/places? vacant/);
		expect(text).toMatch(/Why it suits: .*takes ages \d+ to \d+; the child is \d+/);
	}
	await expect(page.locator('.vacancy-candidate-marker')).toHaveCount(listed.length);
	await expect(page.getByRole('img', { name: "The child's home area" })).toHaveCount(1);
	await mapPage.waitForIdle();
	const roles = await page.evaluate(() => window.closeToHomeVacancySearch!.renderedRoles());
	expect(roles).toEqual(expect.arrayContaining(['home', 'search-area', 'placement-line']));
	await panel.root.getByTestId('vacancies').scrollIntoViewIfNeeded();
	await mapPage.screenshot('own-children-vacancies');
	// The opened panel, its list and the vacancies (markers included) pass axe's serious checks.
	const axe = await new AxeBuilder({ page })
		.include('[data-testid="own-children"]')
		.include('.maplibregl-canvas-container')
		.analyze();
	const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);

	// Escape clears the search, map and list, and the focus goes back to where the search began.
	await panel.root.getByRole('button', { name: `Clear the vacancies for child ${child.id}` }).focus();
	await page.keyboard.press('Escape');
	await expect(page.locator('.vacancy-candidate-marker')).toHaveCount(0);
	await expect(page.getByRole('img', { name: "The child's home area" })).toHaveCount(0);
	await expect(panel.root.getByTestId('vacancies')).toHaveCount(0);
	await expect(panel.findVacanciesFor(child.id)).toBeFocused();
	// Fetched once per attempt.
	expect(inputRequests.length).toBe(2);
	// A failed worker is replaced by the retry; the page's is stopped when the page is left.
	expect(workers).toHaveLength(2);
	await expect.poll(() => stopped.has(workers[0])).toBe(true);
	expect(stopped.has(workers[1])).toBe(false);
	await page.getByRole('link', { name: 'All regions' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect.poll(() => stopped.has(workers[1])).toBe(true);
});

test('a viewer is offered no child-level analysis, and the page never asks for it', async ({
	page,
	mapPage
}) => {
	await signIn(page, 'viewer.gm@demo.local');
	const workers: Worker[] = [];
	page.on('worker', (worker) => {
		if (/\/workers\/worker-[\w-]+\.js/.test(worker.url())) workers.push(worker);
	});
	// The server would refuse a viewer's children anyway; the page must not even ask.
	const inputRequests: string[] = [];
	page.on('request', (request) => {
		if (request.url().includes('/analysis-input.json')) inputRequests.push(request.url());
	});
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await expect(mapPage.sectionButton('Gaps')).toBeVisible();
	await expect(mapPage.sectionButton("Your LA's children")).toHaveCount(0);
	expect(workers).toHaveLength(0);
	expect(inputRequests).toEqual([]);
});
