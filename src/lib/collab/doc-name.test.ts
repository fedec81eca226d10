import { describe, expect, it } from 'vitest';
import { formatDocName, parseDocName } from './doc-name';

describe('parseDocName', () => {
	it('reads plan and map names', () => {
		expect(parseDocName('plan:6f1c2a9e-0b7d-4f7e-9a51-3d2c1b0a9f88')).toEqual({
			kind: 'plan',
			planId: '6f1c2a9e-0b7d-4f7e-9a51-3d2c1b0a9f88'
		});
		expect(parseDocName('map:greater-manchester')).toEqual({ kind: 'map', rccId: 'greater-manchester' });
	});

	it('round-trips through formatDocName', () => {
		for (const name of ['plan:p1', 'map:south_east']) {
			const doc = parseDocName(name);
			expect(doc && formatDocName(doc)).toBe(name);
		}
	});

	it.each([
		'',
		'plan',
		'plan:',
		'map:',
		'scenario:x',
		'plan:a/b',
		'plan:../x',
		'map:a b',
		'plan:-leading-dash',
		`plan:${'x'.repeat(65)}`,
		'PLAN:x',
		'plan:x:y'
	])('refuses %j', (name) => {
		expect(parseDocName(name)).toBeNull();
	});
});
