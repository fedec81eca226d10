/**
 * Splits a whole number in proportion to weights (Hamilton's largest-remainder method): the parts are
 * whole numbers that add up to `total` exactly, each within one of its exact share. Ties go to the
 * earlier weight, so the result is deterministic.
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
	if (!Number.isInteger(total) || total < 0)
		throw new Error(`total must be a whole number >= 0, not ${total}`);
	const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
	if (total === 0) return weights.map(() => 0);
	if (!(sum > 0)) throw new Error('cannot split a positive total by weights that are all zero');
	const exact = weights.map((w) => (Math.max(0, w) / sum) * total);
	const parts = exact.map(Math.floor);
	let left = total - parts.reduce((s, p) => s + p, 0);
	const order = exact
		.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
		.sort((x, y) => y.remainder - x.remainder || x.index - y.index);
	for (const { index } of order) {
		if (left === 0) break;
		parts[index] += 1;
		left -= 1;
	}
	return parts;
}
