import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig: collaboration limits', () => {
	it('defaults every limit and reads each from its variable', () => {
		expect(readConfig({}).collab).toEqual({
			maxMessageBytes: 4 * 1024 * 1024,
			maxDocumentBytes: 4 * 1024 * 1024,
			maxAwarenessClients: 8,
			maxSocketsPerSession: 20,
			sessionCheckMs: 5000
		});
		expect(
			readConfig({
				COLLAB_MAX_MESSAGE_BYTES: '2000000',
				COLLAB_MAX_DOCUMENT_BYTES: '1000000',
				COLLAB_MAX_AWARENESS_CLIENTS: '2',
				COLLAB_MAX_SOCKETS_PER_SESSION: '5',
				COLLAB_SESSION_CHECK_MS: '1000'
			}).collab
		).toEqual({
			maxMessageBytes: 2_000_000,
			maxDocumentBytes: 1_000_000,
			maxAwarenessClients: 2,
			maxSocketsPerSession: 5,
			sessionCheckMs: 1000
		});
	});

	it('refuses values that are not whole numbers of at least 1, naming the variable', () => {
		for (const value of ['0', '-3', '1.5', 'lots', '1e400']) {
			expect(() => readConfig({ COLLAB_MAX_SOCKETS_PER_SESSION: value })).toThrow(
				`COLLAB_MAX_SOCKETS_PER_SESSION must be a whole number of at least 1, not "${value}"`
			);
		}
	});

	it('refuses a message cap below the document cap (a whole document must fit in one frame)', () => {
		expect(() => readConfig({ COLLAB_MAX_MESSAGE_BYTES: '1000', COLLAB_MAX_DOCUMENT_BYTES: '2000' })).toThrow(
			/COLLAB_MAX_MESSAGE_BYTES \(1000\) must be at least COLLAB_MAX_DOCUMENT_BYTES \(2000\)/
		);
	});
});
