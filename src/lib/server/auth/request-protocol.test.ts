import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { markSocketProtocol, PROTOCOL_HEADER, useSocketProtocol } from './request-protocol';

describe('the protocol adapter-node is told', () => {
	it('comes from the socket when the operator set neither ORIGIN nor PROTOCOL_HEADER', () => {
		const env: NodeJS.ProcessEnv = {};
		expect(useSocketProtocol(env)).toBe(true);
		expect(env.PROTOCOL_HEADER).toBe(PROTOCOL_HEADER);
	});

	it('is left to the operator’s ORIGIN or PROTOCOL_HEADER', () => {
		expect(useSocketProtocol({ ORIGIN: 'https://rcc.example.org' })).toBe(false);
		const env: NodeJS.ProcessEnv = { PROTOCOL_HEADER: 'x-forwarded-proto' };
		expect(useSocketProtocol(env)).toBe(false);
		expect(env.PROTOCOL_HEADER).toBe('x-forwarded-proto');
	});

	it('overwrites whatever a client sent in the header', () => {
		const plain = { headers: { [PROTOCOL_HEADER]: 'https' }, socket: {} } as unknown as IncomingMessage;
		markSocketProtocol(plain);
		expect(plain.headers[PROTOCOL_HEADER]).toBe('http');
		const tls = { headers: {}, socket: { encrypted: true } } as unknown as IncomingMessage;
		markSocketProtocol(tls);
		expect(tls.headers[PROTOCOL_HEADER]).toBe('https');
	});

	it('is the header x-close-to-home-protocol, in lower case as Node names request headers', () => {
		const request = { headers: {}, socket: {} } as unknown as IncomingMessage;
		markSocketProtocol(request);
		expect(request.headers).toEqual({ 'x-close-to-home-protocol': 'http' });
	});
});
