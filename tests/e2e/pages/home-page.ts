import type { Locator, Page } from '@playwright/test';

export class HomePage {
	readonly regions: Locator;

	constructor(readonly page: Page) {
		this.regions = page.getByRole('list', { name: 'Regions' });
	}

	async goto() {
		await this.page.goto('/');
	}

	region(name: string | RegExp): Locator {
		return this.regions.getByRole('listitem').filter({ has: this.page.getByRole('link', { name }) });
	}

	async open(name: string | RegExp) {
		await this.regions.getByRole('link', { name }).click();
	}
}
