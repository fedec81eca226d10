import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Two copies of Yjs break its constructor checks (`instanceof` fails across copies, Yjs warns "Yjs was
 * already imported"); `@y/websocket-server` >= 0.1.2 and `@y/*` would pull the Yjs 14 prerelease beside
 * yjs 13 (DESIGN.md, NOTES.md). This suite fails when that happens.
 */
describe('the Yjs stack', () => {
	it('has exactly one yjs package installed, a 13.x release', () => {
		const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
			packages: Record<string, { version?: string }>;
		};
		const copies = Object.entries(lock.packages).filter(([where]) =>
			/(^|\/)node_modules\/(yjs|@y\/y)$/.test(where)
		);
		expect(copies.map(([where]) => where)).toEqual(['node_modules/yjs']);
		expect(copies[0][1].version).toMatch(/^13\./);
	});

	it('resolves the same yjs from every package that uses it', () => {
		const require = createRequire(path.resolve('package.json'));
		const root = require.resolve('yjs');
		for (const user of ['y-websocket', 'y-protocols/sync', 'y-indexeddb', '@y/websocket-server/utils']) {
			const from = createRequire(require.resolve(user));
			expect(from.resolve('yjs'), user).toBe(root);
		}
	});

	it('loads one copy when the server, the client provider and the reference server are imported together', () => {
		const script = [
			"await import('./server/collab/server.ts');",
			"await import('y-websocket');",
			"await import('y-indexeddb');",
			"await import('@y/websocket-server/utils');",
			"const Y = await import('yjs');",
			"console.log(JSON.stringify({ marker: globalThis['__ $YJS$ __'] === true, doc: typeof Y.Doc }));"
		].join('\n');
		const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(result.status, result.stderr).toBe(0);
		expect(result.stderr).not.toMatch(/Yjs was already imported/);
		expect(JSON.parse(result.stdout.trim().split('\n').pop() as string)).toEqual({
			marker: true,
			doc: 'function'
		});
	});
});
