import { expect, type Locator, type Page } from '@playwright/test';
import { screenshotPath } from '../screenshot-path';
import type { LayerId } from '../../../src/lib/map/layers';
import type { Selection } from '../../../src/lib/map/view-state';

/** The map page, driven through its accessible names and the map's test hook (window.closeToHomeMap). */
export class MapPage {
	readonly map: Locator;
	readonly details: Locator;

	constructor(readonly page: Page) {
		this.map = page.locator('[data-map-state]');
		this.details = page.getByRole('complementary', { name: 'Details' });
	}

	async goto(rccId: string) {
		return this.page.goto(`/rcc/${rccId}`);
	}

	/** Waits for MapLibre's idle event after the last change: data loaded, tiles drawn, nothing moving. */
	async waitForIdle() {
		await expect(this.map).toHaveAttribute('data-map-state', 'idle', { timeout: 60_000 });
	}

	layerToggle(title: string): Locator {
		return this.page.getByRole('checkbox', { name: title, exact: true });
	}

	async setLayer(title: string, visible: boolean) {
		await this.layerToggle(title).setChecked(visible);
		await this.waitForIdle();
	}

	async renderedFeatureCounts(): Promise<Record<LayerId, number>> {
		return this.page.evaluate(() => window.closeToHomeMap!.renderedFeatureCounts());
	}

	async renderedLabels(): Promise<string[]> {
		return this.page.evaluate(() => window.closeToHomeMap!.renderedLabels());
	}

	/** Clicks the map where a home or an LA's label point is drawn. */
	async clickOn(selection: Selection) {
		const point = await this.page.evaluate((target) => window.closeToHomeMap!.screenPoint(target), selection);
		if (!point) throw new Error(`${JSON.stringify(selection)} is not on the map`);
		await this.map.click({ position: point });
	}

	/** The button heading a sidebar section ("Gaps", "What lies within a radius"). */
	sectionButton(title: string): Locator {
		return this.page
			.getByRole('complementary', { name: 'Region figures and map layers' })
			.getByRole('heading', { level: 2, name: title, exact: true })
			.getByRole('button');
	}

	/**
	 * Starts a scenario of this test's own and closes the section again: the workshop's scenarios are
	 * shared and kept (map:<rccId>), so a test that proposes homes would otherwise meet earlier tests' homes.
	 */
	async startScenario() {
		await this.openSection('Scenarios');
		const current = this.page.getByTestId('current-scenario');
		const before = (await current.count())
			? await this.page.getByLabel('Scenario on screen').inputValue()
			: '';
		await this.page.getByRole('button', { name: 'New scenario' }).click();
		await expect(this.page.getByLabel('Scenario on screen')).not.toHaveValue(before);
		await expect(current).toContainText('0 proposals');
		await this.sectionButton('Scenarios').click();
		await expect(this.sectionButton('Scenarios')).toHaveAttribute('aria-expanded', 'false');
	}

	/** Opens a sidebar section (they start closed, but for the region's figures and the layers). */
	async openSection(title: string) {
		const button = this.sectionButton(title);
		// A click that lands before the page has hydrated does nothing: click again until it opens.
		await expect(async () => {
			if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
			await expect(button).toHaveAttribute('aria-expanded', 'true', { timeout: 5_000 });
		}).toPass({ timeout: 30_000 });
	}

	viewButton(name: 'Map' | 'Table'): Locator {
		return this.page.getByRole('group', { name: 'Show the region as' }).getByRole('button', { name });
	}

	async screenshot(name: string) {
		await this.page.screenshot({ path: screenshotPath(name) });
	}
}
