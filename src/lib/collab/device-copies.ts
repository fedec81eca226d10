/** Every offline copy this app keeps in IndexedDB is named with this prefix (plan-connection.svelte.ts). */
export const DEVICE_COPY_PREFIX = 'close-to-home:';

export function deviceCopyKey(personId: number | string, docName: string): string {
	return `${DEVICE_COPY_PREFIX}${personId}:${docName}`;
}

type Factory = Pick<IDBFactory, 'databases' | 'deleteDatabase'>;

/**
 * Deletes every offline copy of a shared document kept on this device, of whoever signed in here: on a
 * shared computer the next person must find none of them. Resolves with the number deleted; a browser
 * without IndexedDB (or without `databases()`) has nothing to list and deletes nothing.
 */
export async function forgetDeviceCopies(
	factory: Factory | undefined = typeof indexedDB === 'undefined' ? undefined : indexedDB
): Promise<number> {
	if (!factory || typeof factory.databases !== 'function') return 0;
	const names = (await factory.databases())
		.map((database) => database.name)
		.filter((name): name is string => typeof name === 'string' && name.startsWith(DEVICE_COPY_PREFIX));
	await Promise.all(
		names.map(
			(name) =>
				new Promise<void>((resolve, reject) => {
					const request = factory.deleteDatabase(name);
					request.onsuccess = () => resolve();
					request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
					// Another tab still has it open: it goes once that tab closes; nothing more to wait for.
					request.onblocked = () => resolve();
				})
		)
	);
	return names.length;
}
