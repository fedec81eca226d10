/**
 * Class breaks for a choropleth: quantiles of the values, rounded to "nice" numbers so that a legend
 * reads 40-50 rather than 41.37-49.82. Returns the lower bounds of classes 2..n (the MapLibre `step`
 * expression's stops), strictly increasing, so fewer than `classes - 1` when values are few or equal.
 */
export function classBreaks(values: readonly (number | null | undefined)[], classes: number): number[] {
	const sorted = values
		.filter((value): value is number => typeof value === 'number' && Number.isFinite(value))
		.sort((a, b) => a - b);
	if (sorted.length < 2 || classes < 2) return [];
	const span = sorted[sorted.length - 1] - sorted[0];
	if (span === 0) return [];
	const step = niceStep(span / classes);
	const breaks: number[] = [];
	for (let i = 1; i < classes; i++) {
		const quantile = sorted[Math.floor((i * sorted.length) / classes)];
		const rounded = Math.round(quantile / step) * step;
		const previous = breaks[breaks.length - 1];
		if (
			rounded > sorted[0] &&
			rounded <= sorted[sorted.length - 1] &&
			(previous === undefined || rounded > previous)
		) {
			breaks.push(Number(rounded.toPrecision(12)));
		}
	}
	return breaks;
}

/** 1, 2 or 5 times a power of ten, at most `raw`. */
function niceStep(raw: number): number {
	const power = 10 ** Math.floor(Math.log10(raw));
	const fraction = raw / power;
	return (fraction >= 5 ? 5 : fraction >= 2 ? 2 : 1) * power;
}
