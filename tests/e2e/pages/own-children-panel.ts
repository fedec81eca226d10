import type { Locator, Page } from '@playwright/test';

/** The map page's "Your LA's children" panel (issue 4), driven by its accessible names. */
export class OwnChildrenPanel {
	readonly root: Locator;
	readonly toggle: Locator;
	readonly figures: Locator;
	readonly bands: Locator;
	readonly radius: Locator;
	readonly order: Locator;
	readonly children: Locator;
	readonly pager: Locator;

	constructor(readonly page: Page) {
		this.root = page.getByTestId('own-children');
		this.toggle = this.root.getByRole('button', { name: "Your LA's children" });
		this.figures = page.getByTestId('own-figures');
		this.bands = page.getByTestId('own-bands');
		this.radius = this.root.getByLabel('Search radius in miles');
		this.order = this.root.getByLabel('Order');
		this.children = this.root
			.getByRole('list', { name: /Placed over 20 miles from home/ })
			.locator(':scope > li');
		this.pager = this.root.getByRole('navigation', { name: 'Pages of children placed over 20 miles' });
	}

	/** A figure's text by its key: children-looked-after, over20Miles, outsideLa, outsideRcc. */
	figure(key: string): Locator {
		return this.root.getByTestId(`own-${key}`);
	}

	/** Children per band, as the table shows them ("0 to 5 miles" -> 1124). */
	async bandCounts(): Promise<Record<string, number>> {
		const rows = await this.bands.locator('tbody tr').all();
		const counts: Record<string, number> = {};
		for (const row of rows) {
			const label = await row.locator('th').innerText();
			counts[label] = Number((await row.locator('td').first().innerText()).replace(/,/g, ''));
		}
		return counts;
	}

	/** Each listed child's pseudonym and miles, in the order shown. */
	async listedChildren(): Promise<{ id: string; miles: number }[]> {
		const texts = await this.children.allInnerTexts();
		return texts.map((text) => ({
			id: /E\d{8}-\d+/.exec(text)![0],
			miles: Number(/([\d,.]+) miles/.exec(text)![1].replace(/,/g, ''))
		}));
	}

	findVacanciesFor(childId: string): Locator {
		return this.root.getByRole('button', { name: `Find nearby vacancies for child ${childId}` });
	}

	vacanciesNear(childId: string): Locator {
		return this.root
			.getByRole('list', { name: `Suitable vacancies near child ${childId}'s home` })
			.getByRole('listitem');
	}
}
