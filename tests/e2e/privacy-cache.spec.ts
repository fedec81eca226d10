import { expect, screenshotPath, test } from './fixtures';
import { OwnChildrenPanel } from './pages/own-children-panel';
import { SignInPage } from './pages/sign-in-page';

const commissioner = 'e08000003@demo.local'; // Manchester, in the Greater Manchester demo RCC
const ANALYSIS_INPUT = '/api/rccs/gm/analysis-input.json';
const PLACEMENTS = '/api/rccs/gm/placements.geojson';
const REGIONS = '/api/regions.geojson';

/**
 * What this browser's HTTP cache and storage hold for a URL, asked from the page: `only-if-cached`
 * answers from the cache alone (whatever its freshness) or fails; `force-cache` takes a cached copy
 * over the network. Both are what a script of the next person on this browser could ask.
 */
async function probe(page: import('@playwright/test').Page, url: string) {
	return page.evaluate(async (target) => {
		const cachedOnly = await fetch(target, { cache: 'only-if-cached', mode: 'same-origin' }).then(
			(response) => response.status,
			() => 'not cached'
		);
		const preferCache = await fetch(target, { cache: 'force-cache' });
		const body = (await preferCache.json()) as { children?: unknown[]; features?: unknown[] };
		return {
			cachedOnly,
			status: preferCache.status,
			records: (body.children ?? body.features ?? []).length
		};
	}, url);
}

test("after sign-out the same browser holds none of the commissioner's children", async ({
	page,
	mapPage
}) => {
	const signIn = new SignInPage(page);
	await signIn.goto('/rcc/gm');
	await signIn.signIn(commissioner, 'demo');
	await expect(page).toHaveURL(/\/rcc\/gm$/);
	await mapPage.waitForIdle();
	const panel = new OwnChildrenPanel(page);
	const input = page.waitForResponse((response) => response.url().endsWith(ANALYSIS_INPUT));
	await panel.toggle.click();
	const inputResponse = await input;
	expect(inputResponse.status()).toBe(200);
	expect(inputResponse.headers()['cache-control']).toBe('private, no-store');
	await expect(panel.figures).toBeVisible();

	// Signed in: the records are there for the asking, but never in the cache; reference data is (so the
	// probe does see a cached copy when there is one).
	const before = await probe(page, ANALYSIS_INPUT);
	expect(before.status).toBe(200);
	expect(before.records).toBeGreaterThan(1000);
	expect(before.cachedOnly).toBe('not cached');
	expect((await probe(page, PLACEMENTS)).cachedOnly).toBe('not cached');
	expect((await probe(page, REGIONS)).cachedOnly).toBe(200);

	await signIn.signOut();
	await expect(page).toHaveURL(/\/login$/);
	await page.screenshot({ path: screenshotPath('privacy-cache-signed-out') });

	// The next person, anonymous, on the same browser: nothing from the cache, nothing from the server.
	for (const url of [ANALYSIS_INPUT, PLACEMENTS]) {
		const after = await probe(page, url);
		expect(after, url).toEqual({ cachedOnly: 'not cached', status: 401, records: 0 });
	}
	// Clear-Site-Data emptied the cache of what was kept, and the storage.
	expect((await probe(page, REGIONS)).cachedOnly).toBe('not cached');
	const storage = await page.evaluate(async () => ({
		caches: await caches.keys(),
		databases: (await indexedDB.databases()).map((database) => database.name)
	}));
	expect(storage).toEqual({ caches: [], databases: [] });
});
