import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../domain/types';
import { importRefusal } from './may-import';

const rcc = { id: 'gm', laCodes: ['E08000003', 'E08000009'] };
function user(
	role: 'viewer' | 'commissioner' | 'rcc_admin',
	laCode: string | null = null,
	rccId = 'gm'
): CurrentUser {
	return {
		id: 1,
		email: 'a@b.c',
		name: 'A',
		la: null,
		roles: [{ rccId, rccName: 'GM', role, laCode, laName: null }]
	};
}

describe('importRefusal', () => {
	it('lets a commissioner import any kind but postcode sectors for their own LA only', () => {
		const commissioner = user('commissioner', 'E08000003');
		expect(importRefusal(commissioner, rcc, 'ssda903-episodes', ['E08000003'])).toBeNull();
		expect(importRefusal(commissioner, rcc, 'vacancies', ['E08000003'])).toBeNull();
		expect(importRefusal(commissioner, rcc, 'ssda903-episodes', ['E08000009'])).toMatch(/own LA only/);
		expect(importRefusal(commissioner, rcc, 'fostering-capacity', ['E08000003', 'E08000009'])).toMatch(
			/own LA only/
		);
		expect(importRefusal(commissioner, rcc, 'postcode-sectors', ['E08000003'])).toMatch(/command line/);
	});
	it('lets an RCC administrator import region-wide files for member LAs, never an SSDA903 return', () => {
		const admin = user('rcc_admin');
		expect(importRefusal(admin, rcc, 'ofsted-providers', rcc.laCodes)).toBeNull();
		expect(importRefusal(admin, rcc, 'ofsted-providers', ['E09000001'])).toMatch(/member LAs/);
		expect(importRefusal(admin, rcc, 'ssda903-header', ['E08000003'])).toMatch(/commissioner imports it/);
	});
	it('refuses viewers, people of other RCCs and nobody', () => {
		expect(importRefusal(user('viewer'), rcc, 'vacancies', ['E08000003'])).toMatch(/takes a commissioner/);
		expect(importRefusal(user('commissioner', 'E08000003', 'se'), rcc, 'vacancies', ['E08000003'])).toMatch(
			/takes a commissioner/
		);
		expect(importRefusal(null, rcc, 'vacancies', ['E08000003'])).toMatch(/takes a commissioner/);
		expect(importRefusal(user('rcc_admin'), rcc, 'vacancies', [])).toMatch(/Choose the LA/);
	});
});
