import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './safe-redirect-target';

const ORIGIN = 'http://127.0.0.1:3000';

/** Where a browser goes when sent `Location: target` from a page of this site. */
const landing = (target: string) => new URL(target, `${ORIGIN}/login`);

describe('safeRedirectTarget', () => {
	// As the action and the load receive them: query and form values arrive percent-decoded once.
	it.each([
		['nothing', null],
		['empty', ''],
		['protocol-relative', '//evil.example'],
		['protocol-relative with a path', '//evil.example/steal?x=1'],
		['slash backslash', '/\\evil.example'],
		['backslash slash', '\\/evil.example'],
		['two backslashes', '\\\\evil.example'],
		['tab between the slashes (%2F%09%2F)', '/\t/evil.example'],
		['newline between the slashes (%2F%0A%2F)', '/\n/evil.example'],
		['carriage return between the slashes', '/\r/evil.example'],
		['a lone newline (%0a)', '\n'],
		['a newline after the slash', '/\n'],
		['leading space', ' //evil.example'],
		['leading tab', '\t//evil.example'],
		['dot segment to a protocol-relative path', '/.//evil.example'],
		['dot-dot segment to a protocol-relative path', '/..//evil.example'],
		['encoded dot-dot to a protocol-relative path', '/%2e%2e//evil.example'],
		['dot segment and backslash', '/./\\evil.example'],
		['climbing out of a path', '/a/../..//evil.example'],
		['javascript:', 'javascript:alert(1)'],
		['JavaScript: in capitals', 'JaVaScRiPt:alert(1)'],
		['data:', 'data:text/html,<script>alert(1)</script>'],
		['absolute URL elsewhere', 'https://evil.example/'],
		['absolute URL, scheme only', 'https:evil.example'],
		['absolute URL of this host over another scheme', 'https://127.0.0.1:3000/admin'],
		['user info that names this host', '//127.0.0.1:3000@evil.example'],
		['relative path', 'admin'],
		['double-encoded slashes (%252F%252F)', '%2F%2Fevil.example'],
		['double-encoded tab (%252F%2509%252F)', '%2F%09%2Fevil.example']
	])('sends %s home', (_, value) => {
		expect(safeRedirectTarget(value, ORIGIN)).toBe('/');
	});

	it.each([
		['/', '/'],
		['/rcc/gm', '/rcc/gm'],
		['/rcc/gm?focus=la:E08000003', '/rcc/gm?focus=la:E08000003'],
		['/rcc/gm/plans/p1#section-2', '/rcc/gm/plans/p1#section-2'],
		// Encoded slashes stay encoded: one path segment on this site, never a host.
		['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
		['/%5Cevil.example', '/%5Cevil.example'],
		// Normalised as the browser would: the same page.
		['/rcc/./gm', '/rcc/gm'],
		['/rcc/x/../gm', '/rcc/gm'],
		['/a b', '/a%20b']
	])('keeps %s on the site', (value, kept) => {
		expect(safeRedirectTarget(value, ORIGIN)).toBe(kept);
	});

	it('never returns a target a browser would take off the site, nor one a header cannot carry', () => {
		const hostile = ['/\t/evil.example', '/.//evil.example', '/\\evil.example', '/\n/x', '/\u0000//evil'];
		for (const value of hostile) {
			const target = safeRedirectTarget(value, ORIGIN);
			expect(landing(target).origin).toBe(ORIGIN);
			expect([...target].every((character) => character > '\u001f' && character !== '\u007f')).toBe(true);
		}
	});
});
