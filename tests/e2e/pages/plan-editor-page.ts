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

	/** Rows of the action plan table, as shown (sorted and filtered). */
	actionRows(): Locator {
		return this.actionPlan.locator('tbody tr[data-action-id]');
	}
}
