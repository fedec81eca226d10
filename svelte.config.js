import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Every page's Content-Security-Policy; SvelteKit adds a nonce for its own inline scripts ('auto':
		// nonces for rendered pages, hashes for prerendered ones). frame-ancestors (published pages may be
		// embedded, nothing else) and a PUBLIC_BASEMAP_STYLE origin depend on the request or the runtime
		// configuration: src/lib/server/security-headers.ts adds them.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte and MapLibre set style attributes; scripts stay nonce-only.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				// 'self' covers ws:/wss: to this host: the collaboration sockets.
				'connect-src': ['self'],
				// The analysis worker and MapLibre's worker are bundled files; blob: for workers made from code.
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		// The request guard (src/lib/server/auth/request-guard.ts) refuses cross-site requests of every
		// content type, with the API's JSON error under /api; SvelteKit's own check covers form content
		// types only and answers in plain text.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
