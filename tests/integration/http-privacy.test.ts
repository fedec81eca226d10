import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { provideRuntime, runtime } from '../../src/lib/server/runtime';
import { insertFixture, LA } from './api-fixture';
import { addAccount, PASSWORD } from './helpers/accounts';
import { startAppServer, Session, type AppServer } from './helpers/app-server';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

const NO_STORE = 'private, no-store';
const REVALIDATE = 'private, no-cache';

/**
 * The HTTP layer's privacy rules (README "Accounts and access") over real HTTP: what the browser may
 * keep, what sign-out clears, where sign-in may send someone, the security headers and the API's JSON
 * errors. The production-only parts (adapter-node's body limit, the built CSP) are checked in
 * tests/e2e/http-headers.spec.ts.
 */
describe.each(backends)('HTTP privacy and security headers on %s', (backend) => {
	let test: TestDatabase;
	let app: AppServer;
	let commissioner: Session;
	let publishedUrl: string;
	const session = () => new Session(app.origin);

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
		await addAccount(
			test.db.sql,
			'alpha@test.local',
			[{ rccId: 'tst', role: 'commissioner', laCode: LA.A }],
			{
				laCode: LA.A
			}
		);
		await addAccount(test.db.sql, 'admin@test.local', [{ rccId: 'tst', role: 'rcc_admin' }]);
		app = await startAppServer(test.db);
		commissioner = session();
		expect((await commissioner.signIn('alpha@test.local', PASSWORD)).status).toBe(200);
		const admin = session();
		await admin.signIn('admin@test.local', PASSWORD);
		const plan = await (
			await admin.postJson('/api/rccs/tst/plans', { title: 'Strategy', period: '' })
		).json();
		const published = await admin.postJson(`/api/rccs/tst/plans/${plan.id}/publish`, {});
		expect(published.status).toBe(201);
		publishedUrl = (await published.json()).url;
	}, 120_000);
	afterAll(async () => {
		await app?.close();
		await test?.drop();
	});

	describe('browser cache', () => {
		// Everything that depends on who asks, or is drawn from children's records.
		const perReader = [
			'/api/me',
			'/api/rccs',
			'/api/rccs/tst/summary',
			'/api/rccs/tst/analysis-input.json',
			'/api/rccs/tst/placements.geojson',
			'/api/rccs/tst/boundaries.geojson',
			'/api/rccs/tst/hotspots.geojson',
			'/api/rccs/tst/gaps.json',
			'/api/rccs/tst/radius.json?lon=-2.25&lat=53.25&miles=20',
			'/api/rccs/tst/plans',
			'/api/rccs/tst/export/las.csv',
			'/api/rccs/tst/export/placements.geojson',
			'/api/rccs/tst/export/scenarios.csv',
			'/api/rccs/tst/forecast.json',
			'/api/rccs/tst/costs.json',
			'/api/rccs/tst/cost-sharing.json?formula=proportional',
			'/api/rccs/tst/cost-settings'
		];

		it.each(perReader)('%s is never stored', async (pathname) => {
			const response = await commissioner.get(pathname);
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe(NO_STORE);
			expect(response.headers.get('etag')).toBeNull();
			await response.body?.cancel();
		});

		it('the child-level analysis input, with its 6 records, is never stored, compressed or not', async () => {
			const response = await commissioner.request('/api/rccs/tst/analysis-input.json', {
				headers: { 'accept-encoding': 'gzip' }
			});
			expect(response.headers.get('cache-control')).toBe(NO_STORE);
			expect((await response.json()).children).toHaveLength(6);
		});

		it('what-if answers are never stored', async () => {
			const response = await commissioner.postJson('/api/rccs/tst/what-if.json', { proposals: [] });
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe(NO_STORE);
		});

		it.each(['/', '/rcc/tst', '/rcc/tst/plans', '/account', '/login'])(
			'the page %s is never stored',
			async (pathname) => {
				const response = await commissioner.get(pathname);
				expect(response.headers.get('cache-control')).toBe(NO_STORE);
				await response.body?.cancel();
			}
		);

		it.each(['/api/regions.geojson', '/api/rccs/tst/homes.geojson'])(
			'reference data %s is revalidated on every use, and the check still asks who is asking',
			async (pathname) => {
				const first = await commissioner.get(pathname);
				expect(first.status).toBe(200);
				expect(first.headers.get('cache-control')).toBe(REVALIDATE);
				const etag = first.headers.get('etag')!;
				expect(etag).toMatch(/^"[\w-]+"$/);
				await first.body?.cancel();
				const unchanged = await commissioner.request(pathname, { headers: { 'if-none-match': etag } });
				expect(unchanged.status).toBe(304);
				expect(await unchanged.text()).toBe('');
				// The tag a signed-in reader was given opens nothing for anyone else.
				const anonymous = await session().request(pathname, { headers: { 'if-none-match': etag } });
				expect(anonymous.status).toBe(401);
				expect(await anonymous.json()).toEqual({ message: expect.any(String) });
			}
		);

		it('a published page may be shared by caches only as an anonymous reader’s copy', async () => {
			const anonymous = await session().get(publishedUrl);
			expect(anonymous.status).toBe(200);
			expect(anonymous.headers.get('cache-control')).toBe('public, max-age=3600');
			expect(anonymous.headers.get('vary')).toMatch(/cookie/i);
			await anonymous.body?.cancel();
			// A signed-in reader's copy carries their name and roles (header, layout data).
			const signedIn = await commissioner.get(publishedUrl);
			expect(signedIn.headers.get('cache-control')).toBe(NO_STORE);
			expect(await signedIn.text()).toContain('alpha@test.local');
			const list = await commissioner.get('/published/tst');
			expect(list.headers.get('cache-control')).toBe(NO_STORE);
			await list.body?.cancel();
			const data = await commissioner.get(`${publishedUrl}/__data.json`);
			expect(data.headers.get('cache-control')).toBe(NO_STORE);
			await data.body?.cancel();
		});
	});

	describe('sign-out', () => {
		it('the sign-out form and the API both tell the browser to clear its cache and storage', async () => {
			const byForm = session();
			await byForm.signIn('alpha@test.local', PASSWORD);
			const form = await byForm.postForm('/logout', {});
			expect(form.status).toBe(303);
			expect(form.headers.get('clear-site-data')).toBe('"cache", "storage"');
			expect(byForm.cookie).toBeNull();
			const byApi = session();
			await byApi.signIn('alpha@test.local', PASSWORD);
			const api = await byApi.postJson('/api/auth/logout', {});
			expect(api.status).toBe(200);
			expect(api.headers.get('clear-site-data')).toBe('"cache", "storage"');
			expect((await byApi.get('/api/rccs/tst/analysis-input.json')).status).toBe(401);
		});
	});

	describe('where sign-in may send someone', () => {
		const hostile = [
			'/\t/evil.example',
			'/\n/evil.example',
			'/\\evil.example',
			'//evil.example',
			'/.//evil.example',
			'https://evil.example/',
			'javascript:alert(1)',
			'\n'
		];

		it.each(hostile)('the sign-in form posted with redirectTo=%j stays on the site', async (redirectTo) => {
			const response = await session().postForm('/login', {
				email: 'alpha@test.local',
				password: PASSWORD,
				redirectTo
			});
			expect(response.status).toBe(303);
			// Resolved as a browser resolves Location: tabs and newlines stripped, backslashes as slashes.
			const landing = new URL(response.headers.get('location')!, `${app.origin}/login`);
			expect(landing.origin).toBe(app.origin);
			expect(landing.pathname).toBe('/');
		});

		it.each(['%2F%09%2Fevil.example', '%2F%0a%2Fevil.example', '%2F%0a', '%0a', '%2F%2E%2F%2Fevil.example'])(
			'a signed-in visit to /login?redirectTo=%s goes home, not off the site or to a 500',
			async (encoded) => {
				const response = await commissioner.get(`/login?redirectTo=${encoded}`);
				expect(response.status).toBe(303);
				expect(response.headers.get('location')).toBe('/');
			}
		);

		it('keeps a path on the site, with its query and fragment', async () => {
			const response = await session().postForm('/login', {
				email: 'alpha@test.local',
				password: PASSWORD,
				redirectTo: '/rcc/tst?focus=la:E09900001#map'
			});
			expect(response.headers.get('location')).toBe('/rcc/tst?focus=la:E09900001#map');
		});
	});

	describe('security headers', () => {
		it('a page has a nonce-based CSP that forbids framing, nosniff and a referrer policy', async () => {
			const response = await commissioner.get('/rcc/tst');
			const csp = response.headers.get('content-security-policy')!;
			expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+'/);
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toContain("object-src 'none'");
			expect(csp).toContain("connect-src 'self'");
			expect(csp).toContain("worker-src 'self' blob:");
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			const nonce = /'nonce-([\w+/=]+)'/.exec(csp)![1];
			const html = await response.text();
			// Every inline script carries the nonce (JSON data blocks do not run and need none).
			const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].filter(
				([, attributes]) => !attributes.includes('type="application/json"')
			);
			expect(scripts.length).toBeGreaterThan(0);
			for (const [, attributes] of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
		});

		it('a published page may be embedded', async () => {
			const response = await session().get(publishedUrl);
			expect(response.headers.get('content-security-policy')).not.toContain('frame-ancestors');
			expect(response.headers.get('x-frame-options')).toBeNull();
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			await response.body?.cancel();
		});

		it('API responses load and frame nothing', async () => {
			const response = await commissioner.get('/api/rccs/tst/analysis-input.json');
			expect(response.headers.get('content-security-policy')).toBe(
				"default-src 'none'; frame-ancestors 'none'"
			);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			await response.body?.cancel();
		});

		it('names the basemap’s origin in the page policy when PUBLIC_BASEMAP_STYLE is set', async () => {
			const installed = await runtime();
			provideRuntime(
				Promise.resolve({
					...installed,
					config: { ...installed.config, basemapStyle: 'https://tiles.example.org/styles/light/style.json' }
				})
			);
			try {
				const response = await session().get('/login');
				const csp = response.headers.get('content-security-policy')!;
				expect(csp).toContain("connect-src 'self' https://tiles.example.org");
				expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.org");
				await response.body?.cancel();
			} finally {
				provideRuntime(Promise.resolve(installed));
			}
		});
	});

	describe('API errors are JSON whatever the client accepts', () => {
		it('a method the endpoint does not have', async () => {
			const response = await commissioner.request('/api/rccs/tst/summary', {
				method: 'DELETE',
				headers: { accept: 'text/html' }
			});
			expect(response.status).toBe(405);
			expect(response.headers.get('content-type')).toBe('application/json');
			expect(await response.json()).toEqual({ message: expect.stringMatching(/DELETE method not allowed/) });
		});

		it('a body over the limit, declared or not', async () => {
			const big = JSON.stringify({ proposals: [], padding: 'x'.repeat(1_100_000) });
			const declared = await commissioner.request('/api/rccs/tst/what-if.json', {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'text/html' },
				body: big
			});
			expect(declared.status).toBe(413);
			expect((await declared.json()).message).toMatch(/larger than the limit/);
		});

		it('an unknown API path', async () => {
			const response = await commissioner.request('/api/nothing/here', { headers: { accept: 'text/html' } });
			expect(response.status).toBe(404);
			expect(await response.json()).toEqual({ message: 'Nothing at /api/nothing/here.' });
		});
	});
});
