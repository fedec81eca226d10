import { describe, expect, it } from 'vitest';
import { focusHref, focusTarget, parseFocusParam } from './focus-param';

describe('parseFocusParam', () => {
	it('reads no focus from an absent or empty value', () => {
		expect(parseFocusParam(null)).toEqual({ target: null, problem: null });
		expect(parseFocusParam('  ')).toEqual({ target: null, problem: null });
	});

	it('reads gaps, LAs and homes, normalising case', () => {
		expect(parseFocusParam('gap:851951B7FFFFFFF')).toEqual({
			target: { kind: 'gap', cell: '851951b7fffffff' },
			problem: null
		});
		expect(parseFocusParam('la:e08000003')).toEqual({
			target: { kind: 'la', code: 'E08000003' },
			problem: null
		});
		expect(parseFocusParam('LA: E08000003 ')).toEqual({
			target: { kind: 'la', code: 'E08000003' },
			problem: null
		});
		expect(parseFocusParam('home:2590934').target).toEqual({ kind: 'home', urn: '2590934' });
		expect(parseFocusParam('home:sc123456').target).toEqual({ kind: 'home', urn: 'SC123456' });
	});

	it('says politely what is wrong with a malformed value', () => {
		for (const raw of ['E08000003', 'street:12', ':x', 'gap']) {
			const read = parseFocusParam(raw);
			expect(read.target).toBeNull();
			expect(read.problem).toMatch(/does not say what to show/);
		}
		expect(parseFocusParam('gap:not-a-cell').problem).toMatch(/to a gap, but its reference/);
		expect(parseFocusParam('la:Manchester').problem).toMatch(/to a local authority, but/);
		expect(parseFocusParam('home:<script>').problem).toMatch(/to a children's home, but/);
	});
});

describe('focusTarget and focusHref', () => {
	it('refuses ids of the wrong type', () => {
		expect(focusTarget('la', 42)).toBeNull();
		expect(focusTarget('gap', null)).toBeNull();
		expect(focusTarget('other', 'E08000003')).toBeNull();
	});

	it('writes the map address that parseFocusParam reads back', () => {
		const target = { kind: 'gap', cell: '851951b7fffffff' } as const;
		const href = focusHref('gm', target);
		expect(href).toBe('/rcc/gm?focus=gap:851951b7fffffff');
		expect(parseFocusParam(new URL(href, 'http://x').searchParams.get('focus')).target).toEqual(target);
		expect(focusHref('se', { kind: 'la', code: 'E06000035' })).toBe('/rcc/se?focus=la:E06000035');
	});
});
