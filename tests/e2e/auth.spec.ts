import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SignInPage } from './pages/sign-in-page';

const commissioner = 'e08000003@demo.local'; // Manchester, in the Greater Manchester demo RCC
const password = 'demo';

test('sign in from a protected page, land on it, sign out, and be asked to sign in again', async ({
	page
}) => {
	const signIn = new SignInPage(page);
	await page.goto('/rcc/gm');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Frcc%2Fgm$/);
	await expect(signIn.heading).toBeVisible();

	await signIn.signIn(commissioner, password);
	await expect(page).toHaveURL(/\/rcc\/gm$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Greater Manchester');
	const cookie = (await page.context().cookies()).find((c) => c.name === 'cth_session');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
	expect(await page.evaluate(() => document.cookie)).not.toContain('cth_session');

	// Offline copies of plans (y-indexeddb, one per person and plan) go with the session, deleted by the page
	// and again, with everything else this site stored, by the sign-out response's Clear-Site-Data (which
	// is why even a database the app did not make is gone; the page's own deletion keeps to its prefix:
	// device-copies.test.ts).
	const openDatabase = (name: string) =>
		page.evaluate(
			(dbName) =>
				new Promise<void>((resolve, reject) => {
					const request = indexedDB.open(dbName);
					request.onsuccess = () => (request.result.close(), resolve());
					request.onerror = () => reject(request.error);
				}),
			name
		);
	await openDatabase('close-to-home:1:plan:offline-copy');
	await openDatabase('someone-else');
	await signIn.signOut();
	await expect(page).toHaveURL(/\/login$/);
	expect((await page.context().cookies()).some((c) => c.name === 'cth_session')).toBe(false);
	const left = await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
	expect(left).toEqual([]);
	await page.goto('/rcc/gm');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Frcc%2Fgm$/);
});

test('a wrong password is refused with the same message as an unknown email', async ({ page }) => {
	const signIn = new SignInPage(page);
	await signIn.goto();
	await signIn.signIn(commissioner, 'not the password');
	await expect(signIn.errorSummary).toContainText('The email or password is wrong.');
	await expect(signIn.email).toHaveValue(commissioner);
	await signIn.signIn('nobody@demo.local', 'not the password');
	await expect(signIn.errorSummary).toContainText('The email or password is wrong.');
	await signIn.signIn('', '');
	await expect(signIn.errorSummary).toContainText('Enter your email address');
	await expect(signIn.errorSummary).toContainText('Enter your password');
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('a session that has ended sends the person to sign in, then back to the page they asked for', async ({
	page,
	context
}) => {
	const signIn = new SignInPage(page);
	await signIn.goto('/rcc/gm');
	await signIn.signIn(commissioner, password);
	await expect(page).toHaveURL(/\/rcc\/gm$/);
	// The server ends it (expiry is tested in tests/integration/auth.test.ts); the browser still holds the
	// cookie of a session the server no longer knows.
	const [session] = (await context.cookies()).filter((c) => c.name === 'cth_session');
	await context.addCookies([{ ...session, value: 'ended-session-token' }]);

	await page.goto('/rcc/se');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Frcc%2Fse$/);
	expect((await context.cookies()).some((c) => c.name === 'cth_session')).toBe(false);
	await signIn.signIn('admin.se@demo.local', password);
	await expect(page).toHaveURL(/\/rcc\/se$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('South East');
});
