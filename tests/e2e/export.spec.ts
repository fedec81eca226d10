import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, screenshotPath, signIn, test } from './fixtures';

async function saved(download: Download): Promise<Buffer> {
	const file = await download.path();
	return fs.readFileSync(file);
}

async function downloadBy(page: Page, name: string): Promise<{ download: Download; body: Buffer }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name }).click()
	]);
	return { download, body: await saved(download) };
}

test('a commissioner downloads every layer of the Greater Manchester map as CSV and GeoJSON, and opens each', async ({
	page,
	mapPage
}) => {
	await signIn(page);
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.viewButton('Table').click();
	await expect(page.getByRole('heading', { name: 'Download' })).toBeVisible();
	await page.screenshot({ path: screenshotPath('export-table-downloads') });

	const layers = [
		['local authorities and their figures', 'gm-las', 'childrenLookedAfter'],
		["children's homes", 'gm-homes', 'urn'],
		['demand hotspots', 'gm-hotspots', 'h3'],
		['fostering capacity', 'gm-fostering', 'fosteringPlaces'],
		['gaps', 'gm-gaps', 'rank'],
		["your LA's children's placements", 'gm-placements', 'childId'],
		['workshop scenarios', 'gm-scenarios', 'scenarioId'],
		['workshop notes', 'gm-notes', 'text'],
		['workshop areas', 'gm-areas', 'byName']
	] as const;
	for (const [label, stem, column] of layers) {
		const csv = await downloadBy(page, `Download ${label} as CSV`);
		expect(csv.download.suggestedFilename()).toBe(`${stem}.csv`);
		const parsed = Papa.parse<Record<string, string>>(csv.body.toString('utf8'), {
			header: true,
			skipEmptyLines: true
		});
		expect(parsed.errors, label).toEqual([]);
		expect(parsed.meta.fields, label).toContain(column);

		const geojson = await downloadBy(page, `Download ${label} as GeoJSON`);
		expect(geojson.download.suggestedFilename()).toBe(`${stem}.geojson`);
		const collection = JSON.parse(geojson.body.toString('utf8'));
		expect(collection.type, label).toBe('FeatureCollection');
		expect(collection.features.length, label).toBe(parsed.data.length);
	}

	// The figures are the table's: Manchester's row, and the homes the table lists.
	const las = Papa.parse<Record<string, string>>(
		(await downloadBy(page, 'Download local authorities and their figures as CSV')).body.toString('utf8'),
		{ header: true, skipEmptyLines: true }
	).data;
	expect(las.map((row) => row.name)).toContain('Manchester');
	expect(las.at(-1)!.area).toBe('region');
	const homes = Papa.parse<Record<string, string>>(
		(await downloadBy(page, "Download children's homes as CSV")).body.toString('utf8'),
		{ header: true, skipEmptyLines: true }
	).data;
	await expect(
		page.getByRole('heading', {
			name: new RegExp(`Children's homes \\(${homes.length.toLocaleString('en-GB')}\\)`)
		})
	).toBeVisible();
	// Manchester's own children only.
	const placements = Papa.parse<Record<string, string>>(
		(await downloadBy(page, "Download your LA's children's placements as CSV")).body.toString('utf8'),
		{ header: true, skipEmptyLines: true }
	).data;
	expect(placements.length).toBeGreaterThan(0);
	expect(new Set(placements.map((row) => row.laCode))).toEqual(new Set(['E08000003']));
});

test('a viewer is offered no child-level records', async ({ page, mapPage }) => {
	await signIn(page, 'admin.gm@demo.local');
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.viewButton('Table').click();
	await expect(page.getByRole('link', { name: 'Download gaps as CSV' })).toBeVisible();
	await expect(page.getByRole('link', { name: /placements/ })).toHaveCount(0);
	expect((await page.request.get('/api/rccs/gm/export/placements.csv')).status()).toBe(403);
});

test('the PNG of the map decodes, shows the map with its key, title, scale bar and attribution', async ({
	page,
	mapPage
}) => {
	await signIn(page);
	await mapPage.goto('gm');
	await mapPage.waitForIdle();
	await mapPage.setLayer('Demand hotspots', true);
	await mapPage.waitForIdle();
	const mapBox = (await page.getByRole('region', { name: /Map of Greater Manchester/ }).boundingBox())!;
	await mapPage.viewButton('Table').click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download PNG of the map' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^gm-map-\d{4}-\d{2}-\d{2}\.png$/);
	const png = await saved(download);
	fs.mkdirSync(screenshotPath('').replace(/\/\.png$/, ''), { recursive: true });
	fs.writeFileSync(screenshotPath('export-map-picture'), png);

	// PNG signature, then IHDR's width and height.
	expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	const width = png.readUInt32BE(16);
	const height = png.readUInt32BE(20);
	expect(width).toBeGreaterThanOrEqual(Math.floor(mapBox.width));
	// The title band and the attribution add to the map's height.
	expect(height).toBeGreaterThan(mapBox.height + 64);

	// Decoded in the page: the key's box (white with a grey border, in the lower left over the map) holds
	// the layers' swatch colours; the map is not blank.
	const found = await page.evaluate(async (base64) => {
		const image = new Image();
		image.src = `data:image/png;base64,${base64}`;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = image.width;
		canvas.height = image.height;
		const context = canvas.getContext('2d')!;
		context.drawImage(image, 0, 0);
		const scale = image.width / (document.querySelector('.map-canvas') as HTMLElement).clientWidth;
		const pixels = (x: number, y: number, w: number, h: number) => {
			const data = context.getImageData(
				Math.round(x * scale),
				Math.round(y * scale),
				Math.round(w * scale),
				Math.round(h * scale)
			).data;
			const colours = new Set<string>();
			for (let i = 0; i < data.length; i += 4) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
			return colours;
		};
		const cssHeight = image.height / scale;
		// The key: the legend box's area, 12-262 px from the left, above the attribution.
		const key = pixels(24, cssHeight - 360, 40, 300);
		const map = pixels(300, 100, 400, 300);
		return { key: [...key], mapColours: map.size, width: image.width };
	}, png.toString('base64'));
	expect(found.mapColours).toBeGreaterThan(20);
	// The key's swatches: the homes' sector colours (private #E69F00, local authority #0072B2), drawn at
	// full strength on the key's white, which no blend of the map under it gives.
	expect(found.key).toEqual(expect.arrayContaining(['230,159,0', '0,114,178']));
});
