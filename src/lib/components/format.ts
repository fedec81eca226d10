const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** Text for a figure that may be missing: suppressed (small numbers) is said so, unknown is a dash. */
export function formatCount(value: number | null | undefined, suppressed = false): string {
	if (suppressed) return 'suppressed';
	return typeof value === 'number' && Number.isFinite(value) ? whole.format(value) : '–';
}

export function formatPercent(value: number | null | undefined, suppressed = false): string {
	if (suppressed) return 'suppressed';
	return typeof value === 'number' && Number.isFinite(value) ? `${oneDecimal.format(value)}%` : '–';
}

export function formatRate(value: number | null | undefined): string {
	return typeof value === 'number' && Number.isFinite(value) ? oneDecimal.format(value) : '–';
}

export type FigureKind = 'count' | 'percent';

export function formatFigure(value: number | null | undefined, kind: FigureKind, suppressed = false): string {
	return kind === 'percent' ? formatPercent(value, suppressed) : formatCount(value, suppressed);
}
