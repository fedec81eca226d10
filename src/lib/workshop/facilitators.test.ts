import { describe, expect, it } from 'vitest';
import { facilitatorIds, presenter } from './facilitators';
import { presenceOf } from './test-presences';

describe('facilitatorIds', () => {
	it('is each administrator, or whoever they handed facilitation to instead', () => {
		const admin = presenceOf(1, { admin: true });
		const commissioner = presenceOf(2);
		expect(facilitatorIds([admin, commissioner])).toEqual(new Set([10]));
		expect(facilitatorIds([{ ...admin, handOff: { to: 20 } }, commissioner])).toEqual(new Set([20]));
	});

	it('ignores a hand-off claimed by someone who is not an administrator', () => {
		expect(facilitatorIds([presenceOf(2, {}, {}, { to: 20 })])).toEqual(new Set());
	});
});

describe('presenter', () => {
	it('is a presenting facilitator, never someone else who claims to present', () => {
		const admin = presenceOf(5, { admin: true });
		const claimant = presenceOf(2, {}, { presenting: true });
		expect(presenter([admin, claimant])).toBeNull();
		expect(presenter([{ ...admin, map: { ...admin.map, presenting: true } }, claimant])?.clientId).toBe(5);
	});

	it('is the person handed facilitation once they present, and the same one in every browser if two do', () => {
		const admin = presenceOf(5, { admin: true }, { presenting: true }, { to: 20 });
		const handed = presenceOf(2, {}, { presenting: true });
		expect(presenter([admin, handed])?.clientId).toBe(2);
		const second = presenceOf(9, { admin: true }, { presenting: true });
		const third = presenceOf(4, { admin: true }, { presenting: true });
		expect(presenter([second, third])?.clientId).toBe(4);
		expect(presenter([third, second])?.clientId).toBe(4);
	});
});
