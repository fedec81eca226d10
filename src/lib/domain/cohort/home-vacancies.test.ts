import { describe, expect, it } from 'vitest';
import { homeVacancies } from './home-vacancies';

describe('homeVacancies', () => {
	const homes = Array.from({ length: 2000 }, (_, i) => ({ urn: `U${i}`, places: 1 + (i % 6) }));

	it('leaves about 15% of places vacant, deterministically', () => {
		const vacancies = homeVacancies(homes, new Map(), 'seed');
		const places = homes.reduce((sum, home) => sum + home.places, 0);
		const vacant = [...vacancies.values()].reduce((a, b) => a + b, 0);
		expect(vacant / places).toBeGreaterThan(0.12);
		expect(vacant / places).toBeLessThan(0.18);
		expect(homeVacancies(homes, new Map(), 'seed')).toEqual(vacancies);
	});

	it('never counts more vacancies than the places the cohort leaves, nor fewer than none', () => {
		const full = new Map(homes.map((home) => [home.urn, home.places]));
		expect([...homeVacancies(homes, full, 'seed').values()].every((v) => v === 0)).toBe(true);
		const some = new Map(homes.map((home) => [home.urn, home.places - 1]));
		expect([...homeVacancies(homes, some, 'seed').values()].every((v) => v === 0 || v === 1)).toBe(true);
	});
});
