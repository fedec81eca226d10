import { describe, expect, it } from 'vitest';
import { laTargets, SUPPRESSED_TYPE_COUNT, type DfeFigures } from './la-targets';

const hartlepool: DfeFigures = {
	childrenLookedAfter: 332,
	outsideLa: 150,
	over20Miles: 43,
	outsideLaOver20Miles: 43,
	foster: 235,
	secureAndChildrensHomes: 48,
	independentSupported: 10,
	residentialSchools: null
};

describe('laTargets', () => {
	it('derives the four location cells from the published counts', () => {
		const { categories, total } = laTargets(hartlepool);
		expect(total).toBe(332);
		expect(categories).toEqual({ inside_near: 182, inside_far: 0, outside_near: 107, outside_far: 43 });
	});

	it('keeps published type counts, stands in for a suppressed one and gives the rest to "other"', () => {
		const { types } = laTargets(hartlepool);
		expect(types.foster).toBe(235);
		expect(types.childrens_home + types.secure).toBe(48);
		expect(types.secure).toBe(1);
		expect(types.supported).toBe(10);
		expect(types.residential_school).toBe(SUPPRESSED_TYPE_COUNT);
		expect(Object.values(types).reduce((a, b) => a + b)).toBe(332);
	});

	it("uses England's shares when a location count is suppressed", () => {
		const { categories } = laTargets({ ...hartlepool, over20Miles: null });
		expect(Object.values(categories).reduce((a, b) => a + b)).toBe(332);
		expect(categories.inside_near).toBe(171);
	});

	it('never gives more than the total when published counts overlap', () => {
		const { types } = laTargets({ ...hartlepool, childrenLookedAfter: 240 });
		expect(types.foster).toBe(235);
		expect(Object.values(types).reduce((a, b) => a + b)).toBe(240);
		expect(Object.values(types).every((n) => n >= 0)).toBe(true);
	});
});
