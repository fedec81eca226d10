import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import { connectClient, prepareCollabDatabase, synced, waitFor } from './helpers/collab';

/** Starts helpers/collab-process.ts and resolves with the child and the port it listens on. */
function startServerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'tests/integration/helpers/collab-process.ts'],
			{
				env: { ...process.env, DATABASE_URL: '', ...env },
				stdio: ['ignore', 'pipe', 'inherit']
			}
		);
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /READY (\d+)/.exec(output);
			if (match) resolve({ child, port: Number(match[1]) });
		});
		child.once('exit', (code) =>
			reject(new Error(`server process exited (${code}) before it was ready: ${output}`))
		);
	});
}

function exited(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(backends)('a collaboration server killed mid-edit on %s', (backend) => {
	let test: TestDatabase;
	let child: ChildProcess | undefined;
	const providers: WebsocketProvider[] = [];

	afterAll(async () => {
		for (const provider of providers) provider.destroy();
		if (child && child.exitCode === null) child.kill('SIGKILL');
		if (backend === 'embedded') fs.rmSync(test.db.location, { recursive: true, force: true });
		else await test?.drop();
	});

	it('loses no edit once its clients have reconnected', async () => {
		test = await createTestDatabase(backend);
		await prepareCollabDatabase(test.db);
		let env: Record<string, string>;
		if (backend === 'embedded') {
			// PGlite allows one process: the server process opens the data directory, not this one.
			await test.db.close();
			env = { DATA_DIR: test.db.location };
		} else {
			const url = new URL(process.env.DATABASE_URL as string);
			url.pathname = `/${test.db.location.split('/').pop()}`;
			env = { DATABASE_URL: url.toString() };
		}

		const first = await startServerProcess({ ...env, PORT: '0' });
		child = first.child;
		const url = `ws://127.0.0.1:${first.port}/collab`;
		const clients = Array.from({ length: 4 }, () => connectClient(url, 'plan:plan-1', 'editor'));
		providers.push(...clients.map((c) => c.provider));
		await Promise.all(clients.map((c) => synced(c.provider)));

		const written: string[] = [];
		let editing = true;
		const edit = async (doc: Y.Doc, index: number) => {
			for (let i = 0; editing; i++) {
				const entry = `${index}-${i}`;
				doc.getArray<string>('log').push([entry]);
				written.push(entry);
				await sleep(15 + Math.random() * 10);
			}
		};
		const editors = Promise.all(clients.map(({ doc }, index) => edit(doc, index)));

		await sleep(700);
		child.kill('SIGKILL');
		await exited(child);
		await sleep(300); // edits go on offline meanwhile
		const restarted = await startServerProcess({ ...env, PORT: String(first.port) });
		child = restarted.child;
		await sleep(1200);
		editing = false;
		await editors;

		expect(written.length).toBeGreaterThan(100);
		for (const { doc } of clients) {
			await waitFor(
				() => doc.getArray('log').length === written.length,
				20_000,
				'every edit on every client'
			);
			expect(new Set(doc.getArray<string>('log').toArray())).toEqual(new Set(written));
		}

		// Everything is stored, not only held by the clients: a graceful stop, a fresh start, a new reader.
		for (const provider of providers) provider.destroy();
		child.kill('SIGTERM');
		await exited(child);
		const third = await startServerProcess({ ...env, PORT: '0' });
		child = third.child;
		const reader = connectClient(`ws://127.0.0.1:${third.port}/collab`, 'plan:plan-1', 'viewer');
		providers.push(reader.provider);
		await synced(reader.provider);
		expect(new Set(reader.doc.getArray<string>('log').toArray())).toEqual(new Set(written));
		child.kill('SIGTERM');
		await exited(child);
	});
});
