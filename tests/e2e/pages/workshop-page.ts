import { expect, type Locator, type Page } from '@playwright/test';
import { MapPage } from './map-page';

/** The workshop parts of the map page: who is here, following, scenes, presentation mode. */
export class WorkshopPage extends MapPage {
	readonly whoIsHere: Locator;
	readonly scenes: Locator;

	constructor(page: Page) {
		super(page);
		this.whoIsHere = page.getByTestId('who-is-here');
		this.scenes = page.getByTestId('scenes');
	}

	/** Waits until the map is drawn and this browser is on the shared map with `others` other people. */
	async open(rccId: string, others: number, { present = false } = {}) {
		await this.page.goto(`/rcc/${rccId}${present ? '?present' : ''}`);
		await this.waitForIdle();
		if (!present) await expect(this.whoIsHere.getByRole('listitem')).toHaveCount(others + 1);
	}

	/** Someone else's pointer on this map, by its label ("Kent commissioner · Kent"). */
	cursor(label: string): Locator {
		return this.page.locator('.presence-cursor', { hasText: label });
	}

	/** Labels of the viewport outlines drawn on this map. */
	async outlines(): Promise<string[]> {
		return this.page.evaluate(() =>
			window.closeToHomeMap!.renderedProperties('presence-views-line').map((p) => String(p.label))
		);
	}

	async view(): Promise<{ center: [number, number]; zoom: number }> {
		return this.page.evaluate(() => window.closeToHomeMap!.view());
	}

	/** Moves the pointer over the map's middle, a little off centre each time. */
	async pointAt(dx: number, dy: number) {
		const box = await this.map.boundingBox();
		if (!box) throw new Error('the map is not on screen');
		await this.page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 4 });
	}

	/** Pans this person's own map by dragging it (a move of theirs: following stops). */
	async drag(dx: number, dy: number) {
		const box = await this.map.boundingBox();
		if (!box) throw new Error('the map is not on screen');
		const x = box.x + box.width / 2;
		const y = box.y + box.height / 2;
		await this.page.mouse.move(x, y);
		await this.page.mouse.down();
		await this.page.mouse.move(x + dx, y + dy, { steps: 8 });
		await this.page.mouse.up();
	}

	/** Zooms this map in with its keyboard shortcut (the map must have focus). */
	async zoomInWithKeys(times: number) {
		await this.map.locator('canvas').focus();
		for (let i = 0; i < times; i++) await this.page.keyboard.press('Equal');
	}
}

/** Two views are the same place, to a few metres and a hundredth of a zoom level. */
export function sameView(
	a: { center: [number, number]; zoom: number },
	b: { center: [number, number]; zoom: number }
) {
	return (
		Math.abs(a.center[0] - b.center[0]) < 1e-3 &&
		Math.abs(a.center[1] - b.center[1]) < 1e-3 &&
		Math.abs(a.zoom - b.zoom) < 0.01
	);
}
