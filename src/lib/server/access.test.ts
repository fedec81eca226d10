import { describe, expect, it } from 'vitest';
import { ENGLAND_ID, type CurrentUser, type Role, type RoleGrant } from '../domain/types';
import {
	canAdministerRcc,
	canEditPlans,
	canSeeChildLocations,
	canSeeChildRecords,
	canSeeHomes,
	canSeeMapData,
	canSeeRcc,
	denied,
	roleIn
} from './access';

function grant(rccId: string, role: Role, laCode: string | null = null): RoleGrant {
	return { rccId, rccName: rccId.toUpperCase(), role, laCode, laName: laCode };
}

function person(...roles: RoleGrant[]): CurrentUser {
	return { id: 1, email: 'someone@test.local', name: 'Someone', la: null, roles };
}

const commissioner = person(grant('gm', 'commissioner', 'E08000003'));
const viewer = person(grant('gm', 'viewer'));
const admin = person(grant('gm', 'rcc_admin'));
const nobody = person();
const twoRccs = person(grant('se', 'viewer'), grant('gm', 'rcc_admin'));

describe('the map data API', () => {
	it('is for signed-in people only, even those with no role', () => {
		expect(canSeeMapData(null)).toBe(false);
		expect(canSeeMapData(nobody)).toBe(true);
	});
});

describe('roleIn', () => {
	it("finds the grant for that RCC, not another RCC's", () => {
		expect(roleIn(twoRccs, 'gm')?.role).toBe('rcc_admin');
		expect(roleIn(twoRccs, 'se')?.role).toBe('viewer');
		expect(roleIn(twoRccs, 'nw')).toBeUndefined();
		expect(roleIn(null, 'gm')).toBeUndefined();
	});
});

describe('canSeeRcc', () => {
	it('lets anyone with a role see their RCC, and every signed-in person England', () => {
		for (const user of [commissioner, viewer, admin]) expect(canSeeRcc(user, 'gm')).toBe(true);
		expect(canSeeRcc(nobody, ENGLAND_ID)).toBe(true);
	});

	it('refuses an RCC without a role, and anonymous visitors everything', () => {
		expect(canSeeRcc(viewer, 'se')).toBe(false);
		expect(canSeeRcc(nobody, 'gm')).toBe(false);
		expect(canSeeRcc(null, 'gm')).toBe(false);
		expect(canSeeRcc(null, ENGLAND_ID)).toBe(false);
	});
});

describe('canSeeHomes', () => {
	it("shows an RCC's homes to its members only, and never England's as a whole", () => {
		expect(canSeeHomes(viewer, 'gm')).toBe(true);
		expect(canSeeHomes(viewer, 'se')).toBe(false);
		expect(canSeeHomes(viewer, ENGLAND_ID)).toBe(false);
		expect(canSeeHomes(person(grant(ENGLAND_ID, 'rcc_admin')), ENGLAND_ID)).toBe(false);
		expect(canSeeHomes(null, 'gm')).toBe(false);
	});
});

describe('canSeeChildLocations', () => {
	it('follows who may see the RCC (hotspots of five or more only)', () => {
		expect(canSeeChildLocations(viewer, 'gm')).toBe(true);
		expect(canSeeChildLocations(nobody, ENGLAND_ID)).toBe(true);
		expect(canSeeChildLocations(viewer, 'se')).toBe(false);
		expect(canSeeChildLocations(null, ENGLAND_ID)).toBe(false);
	});
});

describe('canSeeChildRecords', () => {
	it("is a commissioner's, for their own LA only", () => {
		expect(canSeeChildRecords(commissioner, 'E08000003')).toBe(true);
		expect(canSeeChildRecords(commissioner, 'E08000001')).toBe(false);
	});

	it('is nobody else’s, whatever LA their grant names', () => {
		expect(canSeeChildRecords(person(grant('gm', 'viewer', 'E08000003')), 'E08000003')).toBe(false);
		expect(canSeeChildRecords(person(grant('gm', 'rcc_admin', 'E08000003')), 'E08000003')).toBe(false);
		expect(canSeeChildRecords(admin, 'E08000003')).toBe(false);
		expect(canSeeChildRecords(null, 'E08000003')).toBe(false);
	});

	it('finds the commissioner grant among others', () => {
		const both = person(grant('se', 'viewer'), grant('gm', 'commissioner', 'E08000003'));
		expect(canSeeChildRecords(both, 'E08000003')).toBe(true);
	});
});

describe('canAdministerRcc', () => {
	it("is an rcc_admin's, of that RCC only", () => {
		expect(canAdministerRcc(admin, 'gm')).toBe(true);
		expect(canAdministerRcc(twoRccs, 'se')).toBe(false);
		expect(canAdministerRcc(commissioner, 'gm')).toBe(false);
		expect(canAdministerRcc(viewer, 'gm')).toBe(false);
		expect(canAdministerRcc(null, 'gm')).toBe(false);
	});
});

describe('canEditPlans', () => {
	it('lets commissioners and administrators edit, not viewers or outsiders', () => {
		expect(canEditPlans(commissioner, 'gm')).toBe(true);
		expect(canEditPlans(admin, 'gm')).toBe(true);
		expect(canEditPlans(viewer, 'gm')).toBe(false);
		expect(canEditPlans(admin, 'se')).toBe(false);
		expect(canEditPlans(null, 'gm')).toBe(false);
	});
});

describe('denied', () => {
	it('answers 401 to an anonymous visitor, asking them to sign in', async () => {
		const response = denied(null);
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ message: 'Sign in to see this.' });
	});

	it('answers 403 to a signed-in person who may not', async () => {
		const response = denied(viewer);
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ message: 'You do not have access to this.' });
	});
});
