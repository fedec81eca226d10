import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { MapPage } from './pages/map-page';

/** Demo accounts (DESIGN.md): a commissioner of Manchester, in the Greater Manchester RCC. */
export const manchesterCommissioner = 'e08000003@demo.local';
export const demoPassword = 'demo';

/**
 * Signs in through the API; the session cookie lands in the page's browser context. A request from
 * the test runner carries no Origin header, as any non-browser client.
 */
export async function signIn(page: Page, email = manchesterCommissioner) {
	const response = await page.request.post('/api/auth/login', { data: { email, password: demoPassword } });
	expect(response.status(), `sign-in as ${email}`).toBe(200);
}

/** What the Content-Security-Policy blocked in a test's pages, as "directive: blocked URL (page)". */
export type CspViolations = string[];

/**
 * Collects every Content-Security-Policy violation in the context's pages: the document's
 * `securitypolicyviolation` events, and the console's CSP errors (which also name what workers were
 * refused). Any one fails the test, so every spec that uses this `test` checks that the policy
 * (svelte.config.js) breaks nothing it exercises.
 */
async function watchCsp(context: BrowserContext, violations: CspViolations): Promise<void> {
	await context.exposeBinding('__reportCspViolation', ({ page }, violation: string) => {
		violations.push(`${violation} (${page.url()})`);
	});
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = (window as unknown as { __reportCspViolation?: (v: string) => void })
				.__reportCspViolation;
			const source = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
			report?.(`${event.effectiveDirective}: ${event.blockedURI || 'inline'}${source}`);
		});
	});
	const watchPage = (page: Page) => {
		page.on('console', (message) => {
			if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
				violations.push(`console: ${message.text()} (${page.url()})`);
		});
		page.on('worker', (worker) =>
			worker.on('console', (message) => {
				if (/Content Security Policy/i.test(message.text())) violations.push(`worker: ${message.text()}`);
			})
		);
	};
	context.pages().forEach(watchPage);
	context.on('page', watchPage);
}

export const test = base.extend<{ homePage: HomePage; mapPage: MapPage; cspViolations: CspViolations }>({
	cspViolations: [
		async ({ context }, use) => {
			const violations: CspViolations = [];
			await watchCsp(context, violations);
			await use(violations);
			expect(violations, 'Content-Security-Policy violations').toEqual([]);
		},
		{ auto: true }
	],
	homePage: async ({ page }, use) => use(new HomePage(page)),
	mapPage: async ({ page }, use) => use(new MapPage(page))
});

export { expect };
export { screenshotPath } from './screenshot-path';
