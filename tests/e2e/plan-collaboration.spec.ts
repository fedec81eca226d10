import type { Browser, Page } from '@playwright/test';
import { expect, screenshotPath, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

// Demo accounts of the South East demo grouping (DESIGN.md): commissioners of Kent and Medway, and the
// RCC's administrator.
const KENT = 'e10000016@demo.local';
const MEDWAY = 'e06000035@demo.local';
const ADMIN = 'admin.se@demo.local';

async function signedIn(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const response = await page.request.post('/api/auth/login', { data: { email, password: 'demo' } });
	expect(response.status(), `sign-in as ${email}`).toBe(200);
	return page;
}

test.describe.configure({ mode: 'serial' });

test('two commissioners co-edit a plan live; an administrator publishes it; the public reads it signed out', async ({
	browser
}) => {
	// Kent starts a plan from the template through the form.
	const kentPage = await signedIn(browser, KENT);
	await kentPage.goto('/rcc/se/plans');
	await kentPage.getByLabel('Title').fill('Sufficiency strategy e2e');
	await kentPage.getByRole('button', { name: 'Start the plan' }).click();
	await kentPage.waitForURL(/\/rcc\/se\/plans\/[\w-]+$/);
	const planId = new URL(kentPage.url()).pathname.split('/').pop() ?? '';

	const kent = new PlanEditorPage(kentPage);
	const medway = new PlanEditorPage(await signedIn(browser, MEDWAY));
	await kent.goto('se', planId);
	await medway.goto('se', planId);

	// Both see both names, with their LAs.
	for (const editor of [kent, medway]) {
		await expect(editor.presence).toContainText('Kent commissioner, Kent');
		await expect(editor.presence).toContainText('Medway commissioner, Medway');
	}

	// Both type in the same section at once: Kent in its paragraph, Medway in its heading. (At the very same
	// position concurrent keystrokes interleave, as in any CRDT editor; both texts are kept.)
	await kent.caretInSection('Needs analysis');
	await medway.caretAfter('Needs analysis');
	await Promise.all([
		kent.page.keyboard.type(' Kent expects more teenagers.', { delay: 15 }),
		medway.page.keyboard.type(': Medway needs sibling homes.', { delay: 15 })
	]);
	for (const editor of [kent, medway]) {
		await expect(editor.text).toContainText('Kent expects more teenagers.');
		await expect(editor.text).toContainText('Medway needs sibling homes.');
	}
	// Each sees the other's caret, labelled with name and LA.
	await expect(kent.caretLabel('Medway commissioner · Medway')).toBeVisible();
	await expect(medway.caretLabel('Kent commissioner · Kent')).toBeVisible();

	// Undo takes back only one's own typing.
	await medway.text.press('Control+z');
	await expect(kent.text).not.toContainText('Medway needs sibling homes.');
	await expect(kent.text).toContainText('Kent expects more teenagers.');
	await medway.text.press('Control+Shift+z');
	await expect(kent.text).toContainText('Medway needs sibling homes.');
	await kent.page.screenshot({ path: screenshotPath('plan-co-editing') });

	// The action plan is co-edited too.
	await kent.actionPlan.getByRole('button', { name: 'Add an action' }).click();
	await expect(kent.actionRows()).toHaveCount(1);
	await kent.actionRows().first().getByLabel('Action').fill('Open a home for siblings');
	const medwayRow = medway.actionRows().first();
	await expect(medwayRow.getByLabel('Action')).toHaveValue('Open a home for siblings');
	await expect(medwayRow.getByLabel('Owner LA')).toHaveValue('E10000016');
	await medwayRow.getByLabel('Status').selectOption('amber');
	await expect(kent.actionRows().first().getByLabel('Status')).toHaveValue('amber');

	// The administrator publishes; the published page is public.
	const admin = new PlanEditorPage(await signedIn(browser, ADMIN));
	await admin.goto('se', planId);
	await admin.page.getByRole('button', { name: 'Publish this plan' }).click();
	// The checklist names what is left (here, the sections nobody wrote in); the administrator publishes anyway.
	const checklist = admin.page.getByRole('region', { name: 'Before you publish' });
	await expect(checklist.getByRole('heading', { name: /sections still empty/ })).toBeVisible();
	await checklist.getByRole('button', { name: 'Publish anyway' }).click();
	await expect(admin.page.getByRole('status').filter({ hasText: 'Published as version 1.' })).toBeVisible();
	await expect(kent.page.getByRole('button', { name: 'Publish this plan' })).toHaveCount(0);

	const anonymous = await (await browser.newContext()).newPage();
	const response = await anonymous.goto(`/published/se/${planId}/v1`);
	expect(response?.status()).toBe(200);
	const article = anonymous.getByRole('article');
	await expect(article).toContainText('Kent expects more teenagers.');
	await expect(article).toContainText('Medway needs sibling homes.');
	await expect(article.getByRole('table', { name: 'Action plan' })).toContainText('Open a home for siblings');
	await expect(article.getByRole('table', { name: 'Action plan' })).toContainText('Amber: at risk');
	await expect(anonymous.getByRole('main').getByText('Version 1, published')).toBeVisible();
	await anonymous.screenshot({ path: screenshotPath('plan-published'), fullPage: true });
	await anonymous.goto(`/published/se/${planId}`);
	await expect(anonymous.getByRole('link', { name: 'Version 1', exact: true })).toBeVisible();
	await anonymous.goto('/published/se');
	await expect(anonymous.getByRole('link', { name: 'Sufficiency strategy e2e' })).toBeVisible();
	// The editor itself is not public.
	await anonymous.goto(`/rcc/se/plans/${planId}`);
	await expect(anonymous).toHaveURL(/\/login\?/);
});
