import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { clearSessionCookie, setSessionCookie } from './cookie';

function recorder() {
	const calls: { name: string; value?: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) =>
			calls.push({ name, value, options }),
		delete: (name: string, options: Record<string, unknown>) => calls.push({ name, options })
	} as unknown as Cookies;
	return { cookies, calls };
}

describe('session cookie', () => {
	const session = {
		token: 't0ken',
		expiresAt: new Date(),
		cookieExpiresAt: new Date('2030-01-01T00:00:00Z')
	};

	it('is HttpOnly, SameSite=Lax, site-wide, and Secure only over https', () => {
		const plain = recorder();
		setSessionCookie(plain.cookies, new URL('http://localhost:3000/login'), session);
		expect(plain.calls[0]).toEqual({
			name: 'cth_session',
			value: 't0ken',
			options: { path: '/', httpOnly: true, sameSite: 'lax', secure: false, expires: session.cookieExpiresAt }
		});
		const secure = recorder();
		setSessionCookie(secure.cookies, new URL('https://rcc.example.org/login'), session);
		expect(secure.calls[0].options.secure).toBe(true);
	});

	it('is removed with the same attributes it was set with', () => {
		const { cookies, calls } = recorder();
		clearSessionCookie(cookies, new URL('https://rcc.example.org/'));
		expect(calls[0]).toEqual({
			name: 'cth_session',
			options: { path: '/', httpOnly: true, sameSite: 'lax', secure: true }
		});
	});
});
