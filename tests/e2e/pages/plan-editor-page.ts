import { expect, type Locator, type Page } from '@playwright/test';

/** The plan editor (/rcc/<id>/plans/<planId>) as a person sees it. */
export class PlanEditorPage {
	readonly text: Locator;
	readonly presence: Locator;
	readonly connection: Locator;
	readonly actionPlan: Locator;

	constructor(readonly page: Page) {
		this.text = page.getByRole('textbox', { name: 'Plan text' });
		this.presence = page.getByTestId('presence');
		this.connection = page.getByTestId('connection-state');
		this.actionPlan = page.getByRole('region', { name: 'Action plan' });
	}

	async goto(rccId: string, planId: string) {
		await this.page.goto(`/rcc/${rccId}/plans/${planId}`);
		await expect(this.connection).toHaveText('Live');
		await expect(this.text.getByRole('heading', { name: 'Needs analysis' })).toBeVisible();
	}

	/** Puts the caret at the end of the first block containing `text`. */
	async caretAfter(text: string) {
		await this.text.getByText(text).first().click();
		await this.page.keyboard.press('End');
	}

	/**
	 * Puts the caret at the end of the first paragraph of the section under `heading` (where the section's
	 * prompt shows while it is empty).
	 */
	async caretInSection(heading: string) {
		await this.text
			.getByRole('heading', { name: heading, exact: true })
			.locator('xpath=following-sibling::p[1]')
			.click();
		await this.page.keyboard.press('End');
	}

	/** The prompt shown above a section's empty paragraph (never part of the text). */
	sectionPrompt(text: string): Locator {
		return this.text.locator('.section-guidance', { hasText: text });
	}

	/** Another person's caret, labelled "name · LA". */
	caretLabel(label: string): Locator {
		return this.text.locator(`.collaboration-carets__label[data-label="${label}"]`);
	}

	/** The dialog of the toolbar's "Map view" button. */
	mapViewDialog(): Locator {
		return this.page.getByRole('dialog', { name: 'Insert a map view' });
	}

	/** Opens the map view dialog and fills it in; `layers` by their titles, `area` by its name. */
	async fillMapViewDialog(options: { layers: string[]; area: string; caption: string }) {
		await this.page.getByRole('button', { name: 'Map view' }).click();
		const dialog = this.mapViewDialog();
		for (const checkbox of await dialog.getByRole('checkbox').all()) await checkbox.uncheck();
		for (const layer of options.layers) await dialog.getByLabel(layer, { exact: true }).check();
		await dialog.getByLabel('Area shown').selectOption({ label: options.area });
		await dialog.getByLabel('Caption (optional)').fill(options.caption);
		await dialog.getByRole('button', { name: 'Insert map view' }).click();
	}

	/**
	 * Zooms a map view's live map in once (its + button), then drags it by (x, y) pixels; the block then
	 * offers to keep the view.
	 */
	async zoomAndPanMapView(block: Locator, x: number, y: number) {
		const map = block.getByRole('region', { name: /^Live map of/ });
		await map.getByRole('button', { name: 'Zoom in' }).click();
		// The zoom eases for a moment: a drag started before it ends would stop it halfway.
		await expect(block.getByRole('button', { name: 'Use this view' })).toBeVisible();
		const box = await map.boundingBox();
		if (!box) throw new Error('The live map has no box');
		const [startX, startY] = [box.x + box.width / 2, box.y + box.height / 2];
		await this.page.mouse.move(startX, startY);
		await this.page.mouse.down();
		await this.page.mouse.move(startX + x, startY + y, { steps: 8 });
		await this.page.mouse.up();
	}

	/** What a map view stores as its area ("region", an LA's code, "bounds:…"), as its dialog opens on it. */
	async storedExtent(block: Locator): Promise<string> {
		await block.getByRole('button', { name: /^Edit map view/ }).click();
		const dialog = this.page.getByRole('dialog', { name: 'Change the map view' });
		const value = await dialog.getByLabel('Area shown').inputValue();
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		return value;
	}

	/** Map view blocks in the text. */
	mapViews(): Locator {
		return this.text.locator('div.map-view');
	}

	/** Rows of the action plan table, as shown (sorted and filtered). */
	actionRows(): Locator {
		return this.actionPlan.locator('tbody tr[data-action-id]');
	}
}
