import AxeBuilder from '@axe-core/playwright';
import { parseExtent } from '../../src/lib/plan/map-view-spec';
import { fitProjection } from '../../src/lib/plan/svg-projection';
import { expect, screenshotPath, signIn, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

const CAPTION = "Children's homes around Manchester";

test('a commissioner inserts a live map view; publishing freezes it into a picture for everyone', async ({
	browser
}) => {
	const page = await (await browser.newContext()).newPage();
	await signIn(page);
	const created = await page.request.post('/api/rccs/gm/plans', {
		data: { title: 'Map view e2e', period: '' }
	});
	expect(created.status()).toBe(201);
	const planId: string = (await created.json()).id;
	const editor = new PlanEditorPage(page);
	await editor.goto('gm', planId);

	await editor.caretInSection('Gaps and priorities');
	// No layer chosen: the error summary says what to do, and nothing goes in.
	await editor.fillMapViewDialog({ layers: [], area: 'Manchester', caption: CAPTION });
	const summary = editor.mapViewDialog().getByRole('alert');
	await expect(summary).toContainText('Select at least one layer to show');
	await expect(summary).toBeFocused();
	expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);
	await editor.mapViewDialog().getByRole('button', { name: 'Cancel' }).click();
	await expect(editor.mapViews()).toHaveCount(0);

	await editor.fillMapViewDialog({
		layers: ['Local authority boundaries', "Children's homes", 'Demand hotspots'],
		area: 'Manchester',
		caption: CAPTION
	});
	const block = editor.mapViews();
	await expect(block).toHaveCount(1);
	const map = block.getByRole('region', { name: /^Live map of Manchester/ });
	await expect(map).toHaveAttribute('data-map-state', 'idle');
	await expect(map.locator('canvas')).toBeVisible();
	await expect(block.getByRole('list', { name: `Key: ${CAPTION}` })).toContainText('Private');
	await expect(block).toContainText('Demand hotspots');
	await expect(block).toContainText(/Live: the current data as your account may see it, read/);
	await expect(block.getByRole('link', { name: 'Open in the map' })).toHaveAttribute('href', '/rcc/gm');
	await block.screenshot({ path: screenshotPath('plan-map-view-editor') });
	expect((await new AxeBuilder({ page }).include('div.map-view').analyze()).violations).toEqual([]);

	// Choosing the area on the map: moving it stores nothing until "Use this view".
	const useView = block.getByRole('button', { name: 'Use this view' });
	await expect(useView).toHaveCount(0);
	await editor.zoomAndPanMapView(block, -60, 40);
	await expect(useView).toBeVisible();
	await block.screenshot({ path: screenshotPath('plan-map-view-moved') });
	expect(await editor.storedExtent(block)).toBe('E08000003');
	await useView.click();
	const reset = block.getByRole('button', { name: 'Reset to Manchester' });
	await expect(reset).toBeFocused();
	await expect(useView).toHaveCount(0);
	const kept = await editor.storedExtent(block);
	expect(kept).toMatch(/^bounds:/);
	await block.screenshot({ path: screenshotPath('plan-map-view-kept') });

	// Kept in the shared document: after a reload the map opens on it; the session's LA is forgotten.
	await editor.goto('gm', planId);
	// Below the fold after a reload: a map view draws only once near the reader's view.
	await block.scrollIntoViewIfNeeded();
	await expect(block.getByRole('region', { name: /^Live map of the area chosen/ })).toHaveAttribute(
		'data-map-state',
		'idle'
	);
	await expect(block.getByRole('button', { name: /^Reset to Greater Manchester/ })).toBeVisible();
	expect(await editor.storedExtent(block)).toBe(kept);
	await block.screenshot({ path: screenshotPath('plan-map-view-reloaded') });

	// A viewer reads the map view too, and has no control to insert one.
	const viewer = new PlanEditorPage(await (await browser.newContext()).newPage());
	await signIn(viewer.page, 'viewer.gm@demo.local');
	await viewer.page.goto(`/rcc/gm/plans/${planId}`);
	await expect(viewer.connection).toHaveText('Live, read only');
	await expect(viewer.mapViews()).toContainText(CAPTION);
	await expect(viewer.page.getByRole('button', { name: 'Map view' })).toHaveCount(0);
	await expect(viewer.mapViews().getByRole('button', { name: /^Edit map view/ })).toHaveCount(0);

	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin.gm@demo.local');
	const published = await admin.request.post(`/api/rccs/gm/plans/${planId}/publish`, { data: {} });
	expect(published.status()).toBe(201);

	// Signed out: the picture, its key and figures; no live map, no hotspots.
	const anonymous = await (await browser.newContext()).newPage();
	await anonymous.goto(`/published/gm/${planId}/v1`);
	const figure = anonymous.locator('figure.map-figure');
	await expect(figure.getByRole('img', { name: CAPTION })).toBeVisible();
	await expect(figure.getByRole('group', { name: 'Key' })).toContainText("Children's homes");
	await expect(
		anonymous.getByRole('table', { name: `Figures for the member local authorities in "${CAPTION}"` })
	).toContainText('Manchester');
	await expect(figure).toContainText('Demand hotspots are shown to signed-in members');
	await expect(figure.locator('canvas')).toHaveCount(0);
	// Fitted to the view kept: the picture's shape is that of the bounds, and far LAs are out of it.
	const extent = parseExtent(kept);
	if (extent?.kind !== 'bounds') throw new Error(`Not bounds: ${kept}`);
	const { width, height } = fitProjection(extent.bounds, { width: 640, minAspect: 0.5, maxAspect: 0.8 });
	const picture = figure.getByRole('img', { name: CAPTION });
	await expect(picture).toHaveAttribute('viewBox', `0 0 ${width} ${height}`);
	const labels = await picture.locator('text').allTextContents();
	expect(labels).toContain('Manchester');
	expect(labels).not.toContain('Wigan');
	await figure.screenshot({ path: screenshotPath('plan-map-view-published') });
	expect((await new AxeBuilder({ page: anonymous }).analyze()).violations).toEqual([]);

	// Changing it: the dialog opens on what it shows; the block redraws.
	await block.getByRole('button', { name: `Edit map view “${CAPTION}”` }).click();
	const change = page.getByRole('dialog', { name: 'Change the map view' });
	await expect(change.getByLabel('Area shown')).toHaveValue(kept);
	await expect(change.getByLabel('Area shown').locator('option:checked')).toHaveText(
		'The view I set on the map'
	);
	await expect(change.getByLabel('Demand hotspots')).toBeChecked();
	await change.screenshot({ path: screenshotPath('plan-map-view-dialog-kept') });
	await change.getByLabel('Area shown').selectOption({ label: 'Manchester' });
	await change.getByLabel('Demand hotspots').uncheck();
	await change.getByLabel('Caption (optional)').fill('Homes in Manchester');
	await change.getByRole('button', { name: 'Save changes' }).click();
	await expect(block.getByRole('region', { name: /^Live map of Manchester/ })).toBeVisible();
	await expect(block.getByRole('button', { name: /^Reset to/ })).toHaveCount(0);
	const key = block.getByRole('list', { name: 'Key: Homes in Manchester' });
	await expect(key).toContainText("Children's homes");
	await expect(key).not.toContainText('Demand hotspots');

	// From the keyboard: the arrows pan the map; Reset goes back to the LA it showed, and to the map.
	const manchesterMap = block.getByRole('region', { name: /^Live map of Manchester/ });
	await manchesterMap.locator('canvas').focus();
	await page.keyboard.press('ArrowRight');
	await useView.press('Enter');
	expect(await editor.storedExtent(block)).toMatch(/^bounds:/);
	await reset.press('Enter');
	await expect(manchesterMap.locator('canvas')).toBeFocused();
	expect(await editor.storedExtent(block)).toBe('E08000003');

	// Like any block atom: a click selects it, Backspace deletes it.
	await block.getByText('Homes in Manchester', { exact: true }).click();
	await expect(block).toHaveClass(/ProseMirror-selectednode/);
	await page.keyboard.press('Backspace');
	await expect(editor.mapViews()).toHaveCount(0);
});
