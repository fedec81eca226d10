/**
 * Compiles the production server (server/index.ts and what it imports from server/ and src/lib/server)
 * into one JavaScript file, build/server.js, beside SvelteKit's build/handler.js, so that `npm start`
 * runs plain JavaScript: no TypeScript compiler loaded in the server, a faster start and less memory.
 * Packages stay external (loaded from node_modules as they are). Plain JavaScript itself, so that it
 * runs before anything is built. `npm run build` runs it after `vite build`; server/start.js too.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The compiled entry; `../build/handler.js` in it resolves as it does from server/index.ts. */
export const SERVER_BUILD = path.join(root, 'build', 'server.js');

/**
 * @param {{ entries: string[], outdir: string }} [other] other entries, compiled the same way into
 *   `outdir` with what only some of them load (dynamic imports) in chunks of its own (the collaboration
 *   benchmark's server stand-ins); the output directory must be inside the project, where node_modules is
 */
export async function buildServer(other) {
	await esbuild.build({
		...(other
			? {
					entryPoints: other.entries,
					outdir: other.outdir,
					splitting: true,
					chunkNames: 'chunks/[name]-[hash]'
				}
			: { entryPoints: [path.join(root, 'server', 'index.ts')], outfile: SERVER_BUILD }),
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		sourcemap: 'linked',
		// Stack traces keep the source's function and class names.
		keepNames: true,
		logLevel: 'warning',
		absWorkingDir: root
	});
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const started = performance.now();
	await buildServer();
	console.log(`Built ${path.relative(root, SERVER_BUILD)} in ${Math.round(performance.now() - started)} ms`);
}
