import http from 'node:http';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { readConfig, type Config } from '../../../src/lib/server/config';
import type { Database } from '../../../src/lib/server/db/client';
import { provideRuntime } from '../../../src/lib/server/runtime';

/**
 * The whole app (hooks, pages, endpoints, form actions) served over real HTTP from the sources, through
 * Vite's dev server in middleware mode, on a test database. No build needed; the first request to each
 * route compiles it (seconds).
 */
export interface AppServer {
	origin: string;
	close(): Promise<void>;
}

export async function startAppServer(db: Database, config: Partial<Config> = {}): Promise<AppServer> {
	provideRuntime(
		Promise.resolve({
			db,
			config: {
				port: 0,
				host: '127.0.0.1',
				dataDir: '',
				databaseUrl: null,
				redisUrl: null,
				demo: false,
				basemapStyle: null,
				collab: readConfig({}).collab,
				importMaxBytes: readConfig({}).importMaxBytes,
				...config
			}
		})
	);
	const vite: ViteDevServer = await createServer({
		configFile: path.resolve('vite.config.ts'),
		server: { middlewareMode: true, hmr: false, ws: false, watch: null },
		appType: 'custom',
		logLevel: 'error'
	});
	const server = http.createServer(vite.middlewares);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		origin: `http://127.0.0.1:${port}`,
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
			await vite.close();
		}
	};
}

/** A browser-like client that keeps the session cookie and never follows redirects. */
export class Session {
	cookie: string | null = null;
	constructor(readonly origin: string) {}

	async request(pathname: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.cookie && !headers.has('cookie')) headers.set('cookie', this.cookie);
		const response = await fetch(this.origin + pathname, { ...init, headers, redirect: 'manual' });
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const [name, value] = pair.split('=');
			if (name !== 'cth_session') continue;
			this.cookie = value && !/max-age=0|expires=thu, 01 jan 1970/i.test(line) ? `${name}=${value}` : null;
		}
		return response;
	}

	get(pathname: string): Promise<Response> {
		return this.request(pathname);
	}

	postJson(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
		return this.request(pathname, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body)
		});
	}

	/** A form post as a browser sends it from this site (SvelteKit checks the Origin of form posts). */
	postForm(
		pathname: string,
		fields: Record<string, string>,
		headers: Record<string, string> = {}
	): Promise<Response> {
		return this.request(pathname, {
			method: 'POST',
			headers: {
				origin: this.origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				...headers
			},
			body: new URLSearchParams(fields).toString()
		});
	}

	async signIn(email: string, password: string): Promise<Response> {
		return this.postJson('/api/auth/login', { email, password });
	}

	get token(): string | null {
		return this.cookie?.split('=')[1] ?? null;
	}
}
