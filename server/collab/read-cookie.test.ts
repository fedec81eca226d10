import { describe, expect, it } from 'vitest';
import { readCookie } from './read-cookie';

describe('readCookie', () => {
	it('finds a cookie among others', () => {
		expect(readCookie('a=1; cth_session=abc-DEF_123; b=2', 'cth_session')).toBe('abc-DEF_123');
		expect(readCookie('cth_session=x', 'cth_session')).toBe('x');
		expect(readCookie('cth_session="quoted%20value"', 'cth_session')).toBe('quoted value');
	});

	it('returns null when absent or unreadable', () => {
		expect(readCookie(undefined, 'cth_session')).toBeNull();
		expect(readCookie('other=1; cth_session_old=2', 'cth_session')).toBeNull();
		expect(readCookie('cth_session=%E0%A4%A', 'cth_session')).toBeNull();
	});

	it('trims the value, and unquotes only a value wholly in double quotes', () => {
		expect(readCookie('cth_session=abc ; b=2', 'cth_session')).toBe('abc');
		expect(readCookie('cth_session=a"b"', 'cth_session')).toBe('a"b"');
		expect(readCookie('cth_session="ab"c', 'cth_session')).toBe('"ab"c');
	});

	it('skips a part without "=", even one that starts with the name', () => {
		expect(readCookie('cth_sessionX; other=1', 'cth_session')).toBeNull();
		expect(readCookie('cth_sessionX; cth_session=y', 'cth_session')).toBe('y');
	});
});
