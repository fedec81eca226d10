import { describe, expect, it } from 'vitest';
import { apportionFostering, ENGLAND_FOSTERING } from './fostering-capacity';

describe('apportionFostering', () => {
	const las = [
		{ code: 'A', fosterChildren: 300, childrenLookedAfter: 400 },
		{ code: 'B', fosterChildren: 100, childrenLookedAfter: 200 },
		{ code: 'C', fosterChildren: null, childrenLookedAfter: 300 }
	];
	const result = apportionFostering(las);

	it("keeps England's totals exact", () => {
		const sum = (key: 'households' | 'places' | 'vacancies') => result.reduce((s, la) => s + la[key], 0);
		expect(sum('households')).toBe(ENGLAND_FOSTERING.households);
		expect(sum('places')).toBe(ENGLAND_FOSTERING.places);
		expect(sum('vacancies')).toBe(Math.round(70_465 * 0.16));
	});

	it("splits in proportion to children in foster care, estimating a suppressed count from the LA's total", () => {
		const [a, b, c] = result;
		expect(a.places / b.places).toBeCloseTo(3, 2);
		// C: 300 looked after x (400 / 600 fostered among the known) = 200 in foster care.
		expect(c.places / b.places).toBeCloseTo(2, 2);
		expect(result.every((la) => la.vacancies <= la.places)).toBe(true);
	});
});
