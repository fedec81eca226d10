import { test as base, expect, type Page } from '@playwright/test';
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

export const test = base.extend<{ homePage: HomePage; mapPage: MapPage }>({
	homePage: async ({ page }, use) => use(new HomePage(page)),
	mapPage: async ({ page }, use) => use(new MapPage(page))
});

export { expect };
export { screenshotPath } from './screenshot-path';
