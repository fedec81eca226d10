import type { Browser, Page } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { expect, screenshotPath, test } from './fixtures';
import { MapPage } from './pages/map-page';

// Demo accounts (DESIGN.md): commissioners of Manchester and Salford, and Greater Manchester's viewer.
const MANCHESTER = 'e08000003@demo.local';
const SALFORD = 'e08000006@demo.local';
const VIEWER = 'viewer.gm@demo.local';

async function mapOf(browser: Browser, email: string): Promise<{ page: Page; map: MapPage }> {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	const response = await page.request.post('/api/auth/login', { data: { email, password: 'demo' } });
	expect(response.status(), `sign-in as ${email}`).toBe(200);
	const map = new MapPage(page);
	await map.goto('gm');
	await map.waitForIdle();
	return { page, map };
}

/** A stock y-websocket client in the test process, signed in with the page's session cookie. */
async function stockClient(page: Page): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
	const base = new URL(page.url());
	const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
	const Polyfill = class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie, origin: base.origin } });
		}
	};
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`ws://${base.host}/collab`, 'map:gm', doc, {
		WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	await expect.poll(() => provider.synced, { timeout: 15_000 }).toBe(true);
	return { doc, provider };
}

const proposedHomes = (page: Page) =>
	page.getByRole('list', { name: 'Proposed homes' }).getByRole('listitem');

test.describe.configure({ mode: 'serial' });
// Three people in three browsers, on software WebGL: longer than one person's page.
test.setTimeout(240_000);

test('two commissioners build a scenario together; undo takes back only one’s own; a viewer watches', async ({
	browser
}) => {
	const a = await mapOf(browser, MANCHESTER);
	const b = await mapOf(browser, SALFORD);
	const name = `Workshop e2e ${Date.now() % 100000}`;

	// Manchester starts a scenario and names it.
	await a.map.openSection('Scenarios');
	await expect(a.page.getByTestId('workshop-status')).toContainText('Live');
	await a.page.getByRole('button', { name: 'New scenario' }).click();
	await a.page.getByRole('button', { name: /^Rename/ }).click();
	await a.page.getByLabel('Scenario name').fill(name);
	await a.page.getByRole('button', { name: 'Save name' }).click();

	// Salford sees it within a second or so, and puts it on screen.
	await b.map.openSection('Scenarios');
	const choice = b.page.getByLabel('Scenario on screen');
	await expect(choice.getByRole('option', { name })).toHaveCount(1);
	await choice.selectOption({ label: name });
	await expect(b.page.getByTestId('current-scenario')).toContainText('0 proposals');

	// Manchester proposes a children's home; Salford sees it on the map and its figures.
	await a.map.openSection('What if');
	await a.page.getByLabel('Kind').selectOption({ label: "Children's home" });
	await a.page.getByLabel('Places').fill('6');
	await a.page.getByRole('button', { name: 'Add proposed home mid-region' }).click();
	await expect(proposedHomes(a.page)).toHaveCount(1);
	await b.map.openSection('What if');
	await expect(proposedHomes(b.page)).toHaveCount(1);
	await expect(proposedHomes(b.page).first()).toContainText("Children's home, 6 places");
	await expect(b.page.locator('.proposed-home-marker')).toHaveCount(1);
	await expect(b.page.getByTestId('region-share')).toHaveText(/\d|withheld/);
	await expect(b.page.getByTestId('remote-change')).toContainText(`changed ${name}`);

	// Salford adds supported accommodation; Manchester sees both.
	await b.page.getByLabel('Kind').selectOption({ label: 'Supported accommodation' });
	await b.page.getByLabel('Places').fill('4');
	await b.page.getByRole('button', { name: 'Add proposed home mid-region' }).click();
	await expect(proposedHomes(a.page)).toHaveCount(2);

	// Manchester undoes its last change: its home goes, Salford's stays, for both.
	await a.page.getByRole('button', { name: 'Undo my last change' }).click();
	for (const side of [a, b]) {
		await expect(proposedHomes(side.page)).toHaveCount(1);
		await expect(proposedHomes(side.page).first()).toContainText('Supported accommodation, 4 places');
	}

	// Compared with today, per LA and for the region.
	await a.page.getByLabel('Compare with').selectOption({ label: 'Today (no proposals)' });
	const comparison = a.page.getByTestId('scenario-comparison');
	await expect(comparison.getByRole('heading')).toHaveText(`${name} compared with Today`);
	await expect(comparison.getByTestId('comparison-region').getByTestId('places-a')).toHaveText(
		'+4 supported accommodation'
	);
	await expect(comparison.getByTestId('comparison-region').getByTestId('cost-a')).toHaveText('£6,000');
	await expect(comparison.getByTestId('comparison-E08000003')).toBeVisible();
	await a.page.screenshot({ path: screenshotPath('workshop-comparison-1440') });

	// A unit cost edited in the comparison is the scenario's, for everyone: the cost follows.
	await comparison.getByText('Unit costs (£ per place per week)').click();
	await comparison.getByLabel(`Supported accommodation, £ per place per week, ${name}`).fill('2000');
	await comparison.getByLabel(`Supported accommodation, £ per place per week, ${name}`).press('Enter');
	await comparison.getByLabel(`Supported accommodation, £ per place per week, ${name}`).blur();
	await expect(comparison.getByTestId('comparison-region').getByTestId('cost-a')).toHaveText('£8,000');

	// A note placed at the map's centre shows for Salford, who resolves it.
	await a.map.openSection('Notes on the map');
	await a.page.getByLabel('Note', { exact: true }).fill('Is there a site near the ring road?');
	await a.page.getByRole('button', { name: "Add at the map's centre" }).click();
	await b.map.openSection('Notes on the map');
	const notes = b.page.getByRole('list', { name: 'Notes on the map' });
	await expect(notes).toContainText('Is there a site near the ring road?');
	await expect(b.page.locator('.note-marker')).not.toHaveCount(0);
	await b.page.getByRole('button', { name: 'Resolve note: Is there a site near the ring road?' }).click();
	await expect(a.page.getByTestId('notes')).not.toContainText('Is there a site near the ring road?');
	await b.page.screenshot({ path: screenshotPath('workshop-second-person-1440') });

	// The viewer sees the scenario and its homes, and nothing that would change them.
	const viewer = await mapOf(browser, VIEWER);
	await viewer.map.openSection('Scenarios');
	await expect(viewer.page.getByTestId('workshop-status')).toContainText('Live, read only');
	await viewer.page.getByLabel('Scenario on screen').selectOption({ label: name });
	await expect(viewer.page.getByRole('list', { name: `Proposed homes of ${name}` })).toContainText(
		'Supported accommodation, 4 places'
	);
	await expect(viewer.page.locator('.proposed-home-marker')).toHaveCount(1);
	for (const control of ['New scenario', 'Undo my last change', /^Rename/, /^Delete/])
		await expect(viewer.page.getByRole('button', { name: control })).toHaveCount(0);
	await viewer.map.openSection('Notes on the map');
	await expect(viewer.page.getByRole('button', { name: 'Place note on the map' })).toHaveCount(0);
	await viewer.page.screenshot({ path: screenshotPath('workshop-viewer-1440') });
});

test('a stock y-websocket client writing the documented schema, and garbage, shows up in the page, which keeps working', async ({
	browser
}) => {
	const a = await mapOf(browser, MANCHESTER);
	const stock = await stockClient(a.page);
	const name = `From a stock client ${Date.now() % 100000}`;
	stock.doc.transact(() => {
		const scenario = new Y.Map<unknown>();
		scenario.set('name', name);
		scenario.set('createdBy', { name: 'Stock client', laCode: 'E08000003' });
		scenario.set('createdAt', new Date().toISOString());
		const proposals = new Y.Array<unknown>();
		proposals.push([
			{ action: 'add', id: 'stock-1', kind: 'fostering', location: [-2.25, 53.47], places: 5 },
			// A hostile client's entries: ignored where read.
			{ action: 'add', id: 'million', kind: 'childrens_home', location: [-2.25, 53.47], places: 1_000_000 },
			{ action: 'add', id: 'paris', kind: 'childrens_home', location: [2.35, 48.86], places: 4 },
			{ action: 'add', id: 'types', kind: 7, location: 'here', places: '4' },
			'not a proposal'
		]);
		scenario.set('proposals', proposals);
		stock.doc.getMap('scenarios').set(`stock-${Date.now()}`, scenario);
		stock.doc.getMap('scenarios').set('garbage', 'not a scenario');
		const notes = stock.doc.getMap('notes');
		notes.set(`stock-note-${Date.now()}`, {
			location: [-2.25, 53.47],
			text: 'Written by a stock client',
			by: { name: 'Stock client', laCode: 'E08000003' },
			createdAt: new Date().toISOString(),
			resolved: false
		});
		for (let i = 0; i < 600; i++) notes.set(`spam-${i}`, { text: i, location: [0, 0] });
	});

	await a.map.openSection('Scenarios');
	await a.page.getByLabel('Scenario on screen').selectOption({ label: name });
	await expect(a.page.getByTestId('current-scenario')).toContainText('Stock client');
	await expect(a.page.getByTestId('ignored-proposals')).toContainText(
		'4 entries of this scenario could not be read'
	);
	await a.map.openSection('What if');
	await expect(proposedHomes(a.page)).toHaveCount(1);
	await expect(proposedHomes(a.page).first()).toContainText('Foster carers, 5 places');
	// The what-if still answers for the scenario on screen.
	await expect(a.page.getByTestId('what-if-result')).toHaveAttribute('aria-busy', 'false');
	await expect(a.page.getByTestId('region-share')).toHaveText(/\d|withheld/);
	await a.map.openSection('Notes on the map');
	await expect(a.page.getByRole('list', { name: 'Notes on the map' })).toContainText(
		'Written by a stock client'
	);
	// The page still works: the map answers a click on the table.
	await a.map.viewButton('Table').click();
	await expect(a.page.getByRole('table').first()).toBeVisible();
	await a.map.viewButton('Map').click();
	await a.map.waitForIdle();
	await a.page.screenshot({ path: screenshotPath('workshop-stock-client-1440') });
	stock.provider.destroy();
});
