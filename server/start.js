/**
 * `npm start`: builds the app (SvelteKit's build and the compiled server, build/server.js) when either is
 * missing or older than its sources, then runs the compiled server in this process, so that a second
 * start is ready within seconds. Plain JavaScript: the production process loads no TypeScript compiler.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = [path.join(root, 'build', 'handler.js'), path.join(root, 'build', 'server.js')];
const sources = ['src', 'server', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
// Read at run time, not compiled in: changing them needs no build.
const notSources = new Set([path.join(root, 'server', 'data')]);

/** @param {string} file */
function newest(file) {
	if (notSources.has(file)) return 0;
	const stat = fs.statSync(file);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const entry of fs.readdirSync(file)) latest = Math.max(latest, newest(path.join(file, entry)));
	return latest;
}

const built = Math.min(...outputs.map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)));
const latestSource = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (latestSource > built) {
	console.log('[close-to-home] Building the app (first start, or the sources changed)…');
	const started = performance.now();
	// The build's own chatter (Rollup's notes, SvelteKit's hints) reads like errors to someone starting the
	// app: it goes to a log file and is printed only when the build fails. `svelte-kit sync` first writes
	// the .svelte-kit/tsconfig.json that tsconfig.json extends, which esbuild looks for as Vite starts.
	const log = path.join(root, '.svelte-kit', 'build.log');
	/** @type {[string, string[]][]} */
	const steps = [
		['npx', ['svelte-kit', 'sync']],
		['npx', ['vite', 'build', '--logLevel', 'warn']],
		[process.execPath, [path.join(root, 'server', 'build-server.js')]]
	];
	/** @type {string[]} */
	const output = [];
	for (const [command, args] of steps) {
		const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		output.push(`$ ${command} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}`);
		fs.mkdirSync(path.dirname(log), { recursive: true });
		fs.writeFileSync(log, output.join('\n'));
		if (result.status !== 0) {
			console.error(output.join('\n'));
			console.error(`[close-to-home] The build failed (${command} ${args.join(' ')}); its output is above.`);
			process.exit(result.status ?? 1);
		}
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`[close-to-home] Built in ${seconds} s (build output in ${path.relative(root, log)})`);
}
await import(pathToFileURL(outputs[1]).href);
