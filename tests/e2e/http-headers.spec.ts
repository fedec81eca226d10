import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { screenshotPath } from './screenshot-path';

/**
 * The production server's HTTP layer (adapter-node, the built CSP), where it differs from the Vite
 * server the integration tests use (tests/integration/http-privacy.test.ts). Uses Playwright's own
 * `test`: framing a page on purpose is a CSP refusal the shared fixture would count as a violation.
 */

const MIB = 1024 * 1024;
const oversize = () => JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(MIB + 1000) });

test('a body over the limit answers the API’s JSON 413, declared or streamed, whatever the client accepts', async ({
	baseURL
}) => {
	const declared = await fetch(`${baseURL}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'text/html' },
		body: oversize()
	});
	expect(declared.status).toBe(413);
	expect(declared.headers.get('content-type')).toBe('application/json');
	expect((await declared.json()).message).toBe('The request body is larger than the limit of 1024 KiB.');

	// No Content-Length: adapter-node's BODY_SIZE_LIMIT cuts the stream while the request guard reads it.
	const body = new TextEncoder().encode(oversize());
	const streamed = await fetch(`${baseURL}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'text/html' },
		body: new ReadableStream({
			start(controller) {
				for (let at = 0; at < body.length; at += 64 * 1024)
					controller.enqueue(body.slice(at, at + 64 * 1024));
				controller.close();
			}
		}),
		duplex: 'half'
	} as RequestInit);
	expect(streamed.status).toBe(413);
	expect(streamed.headers.get('content-type')).toBe('application/json');
	expect((await streamed.json()).message).toMatch(/larger than the limit/);

	// Within the stated limit is read (adapter-node's own default, 512 KiB, would have cut it with an HTML page).
	const within = await fetch(`${baseURL}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'text/html' },
		body: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(700 * 1024) })
	});
	expect(within.status).toBe(400);
	expect(await within.json()).toEqual({ message: 'Send a JSON object with an email and a password.' });
});

test('a cross-site form post is refused, as JSON under /api', async ({ baseURL }) => {
	const api = await fetch(`${baseURL}/api/auth/logout`, {
		method: 'POST',
		headers: { 'content-type': 'text/plain', origin: 'https://evil.example', accept: 'text/html' },
		body: 'x'
	});
	expect(api.status).toBe(403);
	expect(await api.json()).toEqual({
		message: 'Cross-site requests are not allowed: send the request from this site.'
	});
	const form = await fetch(`${baseURL}/logout`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
		body: ''
	});
	expect(form.status).toBe(403);
});

test('pages carry the built Content-Security-Policy and cannot be framed by another site', async ({
	page,
	baseURL
}) => {
	const response = await page.goto('/login');
	const headers = response!.headers();
	expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[\w+/=]+'/);
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	// The page runs under it: the sign-in form hydrates (its inline bootstrap script carries the nonce).
	await expect(page.getByRole('heading', { name: 'Sign in to Close to Home' })).toBeVisible();

	// Another origin (a server of its own on another port) frames the sign-in page, and a published page
	// (here the RCC's list of published strategies, under /published all the same), which may be embedded.
	const framing = http.createServer((_, response) => {
		response.writeHead(200, { 'content-type': 'text/html' });
		response.end(
			`<iframe name="app" src="${baseURL}/login"></iframe><iframe name="published" src="${baseURL}/published/gm"></iframe>`
		);
	});
	await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
	const { port } = framing.address() as AddressInfo;
	await page.goto(`http://127.0.0.1:${port}/`);
	const frameText = (name: string) =>
		page
			.frame({ name })
			?.locator('h1')
			.textContent({ timeout: 1000 })
			.catch(() => null) ?? null;
	await expect.poll(() => frameText('published')).toMatch(/^Published strategies of Greater Manchester/);
	// Blocked: Chromium shows its error page in the frame instead of the app.
	await expect.poll(() => page.frame({ name: 'app' })?.url()).toMatch(/^chrome-error:/);
	expect(await frameText('app')).not.toContain('Sign in');
	await page.screenshot({ path: screenshotPath('framing-refused') });
	framing.close();
});
