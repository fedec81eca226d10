/**
 * A forecast scenario: what the places needed would be if more (or fewer) children came into care, if
 * the foster / residential mix shifted, and if children stepped down from children's homes to foster
 * care each year. Applied to a forecast on top of the method it uses, in steps a commissioner can
 * retrace by hand.
 */
export interface ScenarioSettings {
	/** Change in children starting to be looked after, as a fraction: 0.1 = 10% more each year. */
	entryChange: number;
	/** Percentage points of all children moved from children's homes to foster care at once (negative: the other way). */
	mixShift: number;
	/** Fraction of the children in children's homes who step down to foster care each year. */
	stepDownRate: number;
}

export const NO_CHANGE: ScenarioSettings = { entryChange: 0, mixShift: 0, stepDownRate: 0 };

export interface ScenarioArea {
	/** The forecast's totals, from the first year ahead. */
	forecast: readonly { year: number; value: number }[];
	/** Entries per year and exit rate of the fitted stock-and-flow model (null: extra entries are not retained). */
	model: { entries: number; exitRate: number } | null;
	/** Shares of the last observed year (null where DfE withheld the group). */
	fosterShare: number | null;
	residentialShare: number | null;
}

export interface ScenarioYear {
	year: number;
	total: number;
	foster: number | null;
	residential: number | null;
}

/**
 * Year by year: extra children = last year's extra x (1 - exit rate) + entries x entry change (so extra
 * entries build up as the model's stock does); the total is the forecast plus them. The residential
 * share falls by the mix shift (not below zero; the foster share gains what it loses), then by the
 * step-down rate compounded over the years ahead. Whole children.
 */
export function scenarioNeed(area: ScenarioArea, settings: ScenarioSettings): ScenarioYear[] {
	let extra = 0;
	return area.forecast.map((point, h) => {
		if (area.model) extra = extra * (1 - area.model.exitRate) + area.model.entries * settings.entryChange;
		const total = Math.max(0, point.value + extra);
		if (area.fosterShare === null || area.residentialShare === null)
			return { year: point.year, total: Math.round(total), foster: null, residential: null };
		const shifted = Math.min(
			Math.max(area.residentialShare - settings.mixShift / 100, 0),
			area.residentialShare + area.fosterShare
		);
		const residential = shifted * (1 - settings.stepDownRate) ** (h + 1);
		const foster = area.fosterShare + (area.residentialShare - residential);
		return {
			year: point.year,
			total: Math.round(total),
			foster: Math.round(total * foster),
			residential: Math.round(total * residential)
		};
	});
}
