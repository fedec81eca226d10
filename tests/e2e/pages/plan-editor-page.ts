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

	/** Map view blocks in the text. */
	mapViews(): Locator {
		return this.text.locator('div.map-view');
	}

	/** Rows of the action plan table, as shown (sorted and filtered). */
	actionRows(): Locator {
		return this.actionPlan.locator('tbody tr[data-action-id]');
	}
}
