import * as Plot from '@observablehq/plot';
import type { CostsJson } from '$lib/server/forecast/rcc-costs';
import type { AreaForecastJson } from '$lib/server/forecast/rcc-forecast';

/** Okabe-Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
	blue: '#0072B2',
	orange: '#E69F00',
	green: '#009E73',
	vermillion: '#D55E00',
	sky: '#56B4E9',
	grey: '#505a5f'
};

const font = { fontSize: '14px' };

/** Observed years, the forecast line and its band. */
export function fanChart(area: AreaForecastJson, width: number): Element {
	const observed = area.observed
		.filter((y) => y.lookedAfter !== null)
		.map((y) => ({ year: y.year, value: y.lookedAfter! }));
	const last = observed.at(-1);
	const ahead = area.forecast.map((y) => ({ year: y.year, value: y.value, lower: y.lower, upper: y.upper }));
	const joined = last ? [{ ...last, lower: last.value, upper: last.value }, ...ahead] : ahead;
	return Plot.plot({
		width,
		height: 320,
		style: font,
		marginLeft: 60,
		marginRight: 70,
		x: { label: 'Year ending 31 March', tickFormat: 'd', ticks: [...observed, ...ahead].map((d) => d.year) },
		y: { label: 'Children looked after', grid: true, zero: false },
		marks: [
			Plot.areaY(joined, { x: 'year', y1: 'lower', y2: 'upper', fill: PALETTE.sky, fillOpacity: 0.35 }),
			Plot.lineY(observed, { x: 'year', y: 'value', stroke: PALETTE.blue, strokeWidth: 2.5 }),
			Plot.dot(observed, { x: 'year', y: 'value', fill: PALETTE.blue, r: 4 }),
			Plot.lineY(joined, {
				x: 'year',
				y: 'value',
				stroke: PALETTE.orange,
				strokeWidth: 2.5,
				strokeDasharray: '6 4'
			}),
			Plot.dot(ahead, { x: 'year', y: 'value', fill: PALETTE.orange, r: 4, symbol: 'diamond' }),
			Plot.text(last ? [last] : [], {
				x: 'year',
				y: 'value',
				text: () => 'observed',
				dy: -14,
				fill: PALETTE.blue
			}),
			Plot.text(ahead.slice(-1), {
				x: 'year',
				y: 'upper',
				text: () => `${Math.round(area.bandLevel * 100)}% band`,
				dy: -10,
				fill: PALETTE.grey
			})
		]
	});
}

/** Backtest error per area: the model's beside the naive forecast's. */
export function backtestChart(areas: readonly AreaForecastJson[], width: number): Element {
	const rows = areas
		.flatMap((area) => [
			{ name: area.name, method: 'Stock-and-flow model', error: area.backtest.mape },
			{ name: area.name, method: 'Naive (next year = this year)', error: area.backtest.naiveMape }
		])
		.filter((row) => row.error !== null);
	return Plot.plot({
		width,
		height: 60 + 28 * areas.length,
		style: font,
		marginLeft: 300,
		marginRight: 30,
		x: { label: 'Backtest error, 2024-2025 (mean absolute % error)', grid: true, zero: true },
		y: { label: null, domain: areas.map((a) => a.name) },
		color: {
			domain: ['Stock-and-flow model', 'Naive (next year = this year)'],
			range: [PALETTE.orange, PALETTE.blue],
			legend: true
		},
		symbol: {
			domain: ['Stock-and-flow model', 'Naive (next year = this year)'],
			range: ['diamond', 'circle']
		},
		marks: [
			Plot.ruleY(
				areas.map((a) => a.name),
				{ stroke: '#e0e0e0' }
			),
			Plot.dot(rows, { x: 'error', y: 'name', fill: 'method', symbol: 'method', r: 6 })
		]
	});
}

/** Weekly cost per placement of each type and sector, with the region's quartiles and outlier fence. */
export function costChart(
	costs: CostsJson,
	width: number,
	label: (g: CostsJson['groups'][number]) => string
): Element {
	const rows = costs.groups.map((group) => ({
		label: label(group),
		weekly: group.weekly,
		outlier: group.outlier
	}));
	const d = costs.distribution;
	const rules = d
		? [
				{ x: d.q1, name: 'Q1' },
				{ x: d.median, name: 'median' },
				{ x: d.q3, name: 'Q3' }
			]
		: [];
	return Plot.plot({
		width,
		height: 70 + 32 * rows.length,
		style: font,
		marginLeft: 300,
		marginRight: 140,
		x: { label: 'Weekly cost per placement (£)', grid: true },
		y: { label: null },
		marks: [
			Plot.barX(rows, {
				x: 'weekly',
				y: 'label',
				fill: (r) => (r.outlier ? PALETTE.vermillion : PALETTE.blue),
				sort: { y: 'x' }
			}),
			Plot.text(rows, {
				x: 'weekly',
				y: 'label',
				text: (r) => `£${r.weekly.toLocaleString('en-GB')}${r.outlier ? ' (outlier)' : ''}`,
				dx: 6,
				textAnchor: 'start'
			}),
			Plot.ruleX(rules, { x: 'x', stroke: PALETTE.grey, strokeDasharray: '4 3' }),
			Plot.text(rules, { x: 'x', text: 'name', frameAnchor: 'top', dy: -2, fill: PALETTE.grey, rotate: 0 })
		]
	});
}

/** Each LA's contribution to the running costs. */
export function contributionsChart(
	rows: readonly { name: string; contribution: number }[],
	width: number
): Element {
	return Plot.plot({
		width,
		height: 60 + 28 * rows.length,
		style: font,
		marginLeft: 300,
		marginRight: 100,
		x: { label: 'Contribution a year (£)', grid: true },
		y: { label: null },
		marks: [
			Plot.barX(rows, { x: 'contribution', y: 'name', fill: PALETTE.green, sort: { y: '-x' } }),
			Plot.text(rows, {
				x: 'contribution',
				y: 'name',
				text: (r) => `£${r.contribution.toLocaleString('en-GB')}`,
				dx: 6,
				textAnchor: 'start'
			})
		]
	});
}
