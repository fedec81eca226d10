import { describe, expect, it } from 'vitest';
import { readJson } from './read-json';

describe('readJson', () => {
	it('reads the body of a successful answer', async () => {
		expect(await readJson(Response.json({ cells: [1] }))).toEqual({ cells: [1] });
	});

	it("throws the server's message, else its status", async () => {
		await expect(
			readJson(Response.json({ message: 'Sign in to see this.' }, { status: 401 }))
		).rejects.toThrow('Sign in to see this.');
		await expect(readJson(new Response('<html>', { status: 502 }))).rejects.toThrow(
			'The server answered 502.'
		);
	});
});
