import { describe, expect, it } from 'vitest';
import { decodeFanoutMessage, encodeFanoutMessage, type FanoutMessage } from './fanout';

describe('fanout messages', () => {
	it.each<FanoutMessage>([
		{ kind: 'update', update: new Uint8Array([1, 2, 3]) },
		{ kind: 'awareness', update: new Uint8Array([]) },
		{ kind: 'state-vector', stateVector: new Uint8Array([0]), reply: true },
		{ kind: 'state-vector', stateVector: new Uint8Array([9, 9]), reply: false }
	])('round-trip %j', (message) => {
		expect(decodeFanoutMessage(encodeFanoutMessage('instance-a', message))).toEqual({
			sender: 'instance-a',
			message
		});
	});

	it('ignores garbage and other versions', () => {
		expect(decodeFanoutMessage(new Uint8Array([]))).toBeNull();
		expect(decodeFanoutMessage(new Uint8Array([2, 0, 0, 0]))).toBeNull();
		expect(decodeFanoutMessage(new Uint8Array([1, 1, 0x61, 7, 0]))).toBeNull();
		expect(decodeFanoutMessage(new Uint8Array([1, 50]))).toBeNull();
	});
});
