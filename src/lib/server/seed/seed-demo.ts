import type { Database } from '../db/client';

/** PLACEHOLDER until the seed lands: the helper building the demo replaces this file. */
export async function seedDemo(_db: Database, _options: { log: (message: string) => void }): Promise<void> {}
