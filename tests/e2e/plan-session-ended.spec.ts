import { expect, screenshotPath, signIn, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

test('signing out in another tab ends the live plan: the page says so, stops editing and offers to sign in', async ({
	page
}) => {
	await signIn(page, 'e10000016@demo.local');
	const created = await page.request.post('/api/rccs/se/plans', {
		data: { title: 'Session e2e', period: '' }
	});
	const planId = (await created.json()).id;
	const editor = new PlanEditorPage(page);
	await editor.goto('se', planId);
	await expect(editor.text).toHaveAttribute('contenteditable', 'true');

	// Requests of the page's context share its cookie, as another tab of the same browser would.
	expect((await page.request.post('/api/auth/logout')).status()).toBe(200);
	const notice = page.getByRole('alert').filter({ hasText: 'You have been signed out' });
	await expect(notice).toBeVisible({ timeout: 15_000 });
	await expect(notice.getByRole('link', { name: 'Sign in again' })).toHaveAttribute(
		'href',
		`/login?${new URLSearchParams({ redirectTo: `/rcc/se/plans/${planId}` })}`
	);
	await expect(editor.connection).toHaveText('Disconnected: session ended');
	await expect(editor.text).toHaveAttribute('contenteditable', 'false');
	await page.screenshot({ path: screenshotPath('plan-session-ended') });
});
