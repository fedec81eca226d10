import { describe, expect, it } from 'vitest';
import { accessFor } from './authorize-document';
import type { CollabUser } from './types';

const user = (roles: CollabUser['roles']): CollabUser => ({ id: 1, name: 'A', la: null, roles });

describe('accessFor', () => {
	it('lets commissioners and administrators of the RCC write', () => {
		expect(accessFor(user([{ rccId: 'gm', role: 'commissioner' }]), 'gm')).toBe('write');
		expect(accessFor(user([{ rccId: 'gm', role: 'rcc_admin' }]), 'gm')).toBe('write');
	});

	it('lets viewers read', () => {
		expect(accessFor(user([{ rccId: 'gm', role: 'viewer' }]), 'gm')).toBe('read');
	});

	it('gives nothing in another RCC, whatever the role there', () => {
		expect(accessFor(user([{ rccId: 'se', role: 'rcc_admin' }]), 'gm')).toBe('none');
		expect(accessFor(user([]), 'gm')).toBe('none');
	});
});
