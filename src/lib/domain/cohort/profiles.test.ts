import { describe, expect, it } from 'vitest';
import { NEEDS } from '../needs';
import { childProfile } from './child-profile';
import { homeProfile } from './home-profile';
import { createRandom } from './random';

describe('childProfile', () => {
	it('gives ages that fit the placement type and needs from the vocabulary', () => {
		const random = createRandom('children');
		for (let i = 0; i < 500; i++) {
			expect(childProfile('supported', random).age).toBeGreaterThanOrEqual(16);
			expect(childProfile('secure', random).age).toBeGreaterThanOrEqual(12);
			const child = childProfile('childrens_home', random);
			expect(child.needs.length).toBeGreaterThan(0);
			expect(child.needs.every((need) => NEEDS.includes(need))).toBe(true);
			expect(new Set(child.needs).size).toBe(child.needs.length);
		}
	});
});

describe('homeProfile', () => {
	it('registers most children homes for emotional and behavioural difficulties, short breaks for disability', () => {
		const random = createRandom('homes');
		const homes = Array.from({ length: 1000 }, () =>
			homeProfile({ kind: 'childrens_home', shortBreaksOnly: false }, random)
		);
		const ebd = homes.filter((home) => home.needs.includes('emotional_behavioural')).length;
		expect(ebd).toBeGreaterThan(850);
		expect(homes.every((home) => home.needs.length > 0 && home.ageMax === 17 && home.ageMin >= 8)).toBe(true);
		const shortBreak = homeProfile({ kind: 'childrens_home', shortBreaksOnly: true }, random);
		expect(shortBreak.needs).toContain('learning_disability');
		expect(homeProfile({ kind: 'secure', shortBreaksOnly: false }, random).ageMin).toBe(10);
	});
});
