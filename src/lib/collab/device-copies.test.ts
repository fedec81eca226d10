import { describe, expect, it } from 'vitest';
import { DEVICE_COPY_PREFIX, deviceCopyKey, forgetDeviceCopies } from './device-copies';

/** An IndexedDB factory holding named databases; deleting one succeeds, fails or is blocked. */
function fakeFactory(
	names: string[],
	outcome: (name: string) => 'success' | 'error' | 'blocked' = () => 'success'
) {
	const held = new Set(names);
	return {
		held,
		databases: async () => [...held].map((name) => ({ name, version: 1 })),
		deleteDatabase(name: string) {
			const request = {} as IDBOpenDBRequest & Record<string, unknown>;
			queueMicrotask(() => {
				const result = outcome(name);
				if (result === 'error') {
					Object.assign(request, { error: new DOMException(`cannot delete ${name}`) });
					request.onerror?.(new Event('error'));
				} else if (result === 'blocked') {
					request.onblocked?.(new Event('blocked') as IDBVersionChangeEvent);
				} else {
					held.delete(name);
					request.onsuccess?.(new Event('success'));
				}
			});
			return request;
		}
	};
}

describe('forgetDeviceCopies', () => {
	it("deletes every person's plan copies and nothing of other apps", async () => {
		const factory = fakeFactory([deviceCopyKey(1, 'plan:a'), deviceCopyKey(2, 'plan:b'), 'other-app']);
		expect(await forgetDeviceCopies(factory)).toBe(2);
		expect([...factory.held]).toEqual(['other-app']);
	});

	it('names copies by person and document under the one prefix', () => {
		expect(deviceCopyKey(7, 'plan:x')).toBe(`${DEVICE_COPY_PREFIX}7:plan:x`);
	});

	it('does not wait for a copy another tab holds open', async () => {
		const factory = fakeFactory([deviceCopyKey(1, 'plan:a')], () => 'blocked');
		expect(await forgetDeviceCopies(factory)).toBe(1);
	});

	it('reports a copy that could not be deleted', async () => {
		const factory = fakeFactory([deviceCopyKey(1, 'plan:a')], () => 'error');
		await expect(forgetDeviceCopies(factory)).rejects.toThrow('cannot delete');
	});

	it('has nothing to delete without IndexedDB or its listing', async () => {
		expect(await forgetDeviceCopies(undefined)).toBe(0);
		expect(await forgetDeviceCopies({ deleteDatabase: () => ({}) } as never)).toBe(0);
	});
});
