/**
 * `npm start`: builds the app when the build is missing or older than its sources, then starts the
 * production server, so that a second start is ready within seconds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const marker = path.join(root, 'build', 'handler.js');
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function newest(file: string): number {
	const stat = fs.statSync(file);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const entry of fs.readdirSync(file)) latest = Math.max(latest, newest(path.join(file, entry)));
	return latest;
}

const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
const latestSource = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (latestSource > built) {
	console.log('[close-to-home] Building the app (first start, or the sources changed)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
await import('./index');
