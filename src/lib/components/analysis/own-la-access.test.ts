import { describe, expect, it } from 'vitest';
import type { Role } from '$lib/domain/types';
import { ownLaAccess } from './own-la-access';

const grant = (role: Role, laCode: string | null = null, laName: string | null = null) => ({
	role,
	laCode,
	laName
});
const gm = new Set(['E08000001', 'E08000003']);

describe('ownLaAccess', () => {
	it("offers a commissioner of a member LA their LA's children", () => {
		expect(ownLaAccess([grant('commissioner', 'E08000003', 'Manchester')], gm)).toEqual({
			kind: 'commissioner',
			laCode: 'E08000003',
			laName: 'Manchester'
		});
	});

	it('tells a commissioner of another LA, a viewer and an administrator why not', () => {
		expect(ownLaAccess([grant('commissioner', 'E06000035', 'Medway')], gm)).toEqual({
			kind: 'other-la',
			laName: 'Medway'
		});
		expect(ownLaAccess([grant('viewer')], gm)).toEqual({ kind: 'no-child-records' });
		expect(ownLaAccess([grant('rcc_admin')], gm)).toEqual({ kind: 'no-child-records' });
		expect(ownLaAccess([], gm)).toEqual({ kind: 'no-child-records' });
	});
});
