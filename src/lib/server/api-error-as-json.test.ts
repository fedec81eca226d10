import { describe, expect, it } from 'vitest';
import { apiErrorAsJson } from './api-error-as-json';

describe('apiErrorAsJson', () => {
	it('replaces an HTML error page with { message } for its status', async () => {
		const page = new Response('<!doctype html><title>413</title><p>Payload Too Large</p>', {
			status: 413,
			headers: { 'content-type': 'text/html', connection: 'close' }
		});
		const response = await apiErrorAsJson(page);
		expect(response.status).toBe(413);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(response.headers.get('connection')).toBe('close');
		expect(await response.json()).toEqual({ message: 'The request body is too large.' });
		const failed = await apiErrorAsJson(
			new Response('<p>oops</p>', { status: 500, headers: { 'content-type': 'text/html' } })
		);
		expect((await failed.json()).message).toMatch(/^Something went wrong on the server/);
		const teapot = await apiErrorAsJson(
			new Response('<p>x</p>', { status: 418, headers: { 'content-type': 'text/html' } })
		);
		expect(await teapot.json()).toEqual({ message: "I'm a Teapot" });
	});

	it('keeps a plain-text refusal as the message', async () => {
		const text = new Response('Cross-site POST form submissions are forbidden', {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
		expect(await (await apiErrorAsJson(text)).json()).toEqual({
			message: 'Cross-site POST form submissions are forbidden'
		});
	});

	it('keeps SvelteKit’s untyped 405 text as the message, with its Allow header', async () => {
		const refused = new Response(new TextEncoder().encode('DELETE method not allowed'), {
			status: 405,
			headers: { allow: 'GET, HEAD' }
		});
		expect(refused.headers.get('content-type')).toBeNull();
		const response = await apiErrorAsJson(refused);
		expect(response.headers.get('allow')).toBe('GET, HEAD');
		expect(await response.json()).toEqual({ message: 'DELETE method not allowed' });
	});

	it('leaves JSON errors and successes alone', async () => {
		const json = Response.json({ message: 'There is no RCC "x".' }, { status: 404 });
		expect(await apiErrorAsJson(json)).toBe(json);
		const geojson = new Response('{}', { status: 400, headers: { 'content-type': 'application/geo+json' } });
		expect(await apiErrorAsJson(geojson)).toBe(geojson);
		const ok = new Response('<p>fine</p>', { status: 200, headers: { 'content-type': 'text/html' } });
		expect(await apiErrorAsJson(ok)).toBe(ok);
	});
});
