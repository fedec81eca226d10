import type { Page } from '@playwright/test';
import { expect, screenshotPath, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

const ADMIN = 'admin.gm@demo.local';
const TITLE = 'Homes close to home';

/** Every response of the page that answered 404, to find none at the end. */
function notFoundLog(page: Page): string[] {
	const missing: string[] = [];
	page.on('response', (response) => {
		if (response.status() === 404) missing.push(response.url());
	});
	return missing;
}

test('publishing shows a checklist first: go back publishes nothing, publish anyway publishes the plan as titled, without prompts', async ({
	browser
}) => {
	const page = await (await browser.newContext()).newPage();
	const missing = notFoundLog(page);
	// A native confirm() would be accepted or dismissed here without anyone seeing it: there must be none.
	page.on('dialog', (dialog) => {
		throw new Error(`Unexpected native dialog: ${dialog.message()}`);
	});
	expect(
		(await page.request.post('/api/auth/login', { data: { email: ADMIN, password: 'demo' } })).status()
	).toBe(200);
	await page.goto('/rcc/gm/plans');
	await page.getByLabel('Title').fill(TITLE);
	await page.getByLabel('Period').fill('2027-2030');
	await page.getByRole('button', { name: 'Start the plan' }).click();
	await expect(page).toHaveURL(/\/rcc\/gm\/plans\/[\w-]+$/);
	const planId = page.url().split('/').pop() ?? '';
	const editor = new PlanEditorPage(page);
	await expect(editor.connection).toHaveText('Live');

	// The prompts are hints beside the text, not the text: typing in a section does not start in italics.
	const prompt = editor.sectionPrompt('Forecast of need over the period');
	await expect(prompt).toBeVisible();
	await editor.caretInSection('Needs analysis');
	await page.keyboard.type('Need is rising among teenagers.');
	await expect(prompt).toHaveCount(0);
	await expect(
		editor.text.locator('p', { hasText: 'Need is rising among teenagers.' }).locator('em')
	).toHaveCount(0);

	// An open comment on it, and an action without an owner (an administrator has no LA to default to).
	await page.keyboard.press('Shift+Home');
	const comments = page.getByRole('region', { name: /Comments/ });
	await expect(comments).toContainText('On “Need is rising among teenagers.”');
	await comments.getByLabel('Comment on the selected text').fill('Which boroughs?');
	await comments.getByRole('button', { name: 'Add comment' }).click();
	await expect(comments.getByRole('heading', { name: 'Comments (1 open)' })).toBeVisible();
	await editor.actionPlan.getByRole('button', { name: 'Add an action' }).click();
	await editor.actionRows().first().getByLabel('Action').fill('Open a home for teenagers');

	const publishing = page.getByRole('region', { name: 'Before you publish' });
	await page.getByRole('button', { name: 'Publish this plan' }).click();
	await expect(publishing).toBeFocused();
	await expect(publishing).toContainText('Version 1 will be public');
	await expect(publishing.getByRole('heading', { name: '1 open comment' })).toBeVisible();
	await expect(publishing).toContainText('On “Need is rising among teenagers.”');
	await expect(publishing.getByRole('heading', { name: /sections still empty/ })).toBeVisible();
	await expect(
		publishing.getByRole('listitem').filter({ hasText: 'Purpose and legal context' })
	).toBeVisible();
	await expect(publishing.getByRole('listitem').filter({ hasText: /^Needs analysis$/ })).toHaveCount(0);
	await expect(publishing.getByRole('heading', { name: /figures? not refreshed/ })).toBeVisible();
	await expect(publishing.getByRole('heading', { name: '1 action without an owner' })).toBeVisible();
	await expect(publishing).toContainText('Open a home for teenagers');
	await publishing.scrollIntoViewIfNeeded();
	await page.screenshot({ path: screenshotPath('plan-publish-checklist') });
	await publishing.getByRole('button', { name: 'Go back' }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: screenshotPath('plan-publish-checklist-buttons') });

	// Go back: nothing is published.
	await publishing.getByRole('button', { name: 'Go back' }).click();
	await expect(publishing).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Publish this plan' })).toBeFocused();
	expect(await (await page.request.get(`/api/rccs/gm/plans/${planId}/publish`)).json()).toEqual([]);

	// Figures marked as checked leave the list; then publish anyway.
	await page.getByRole('button', { name: 'Publish this plan' }).click();
	await publishing.getByRole('button', { name: 'Mark the figures as checked' }).click();
	await expect(publishing.getByRole('heading', { name: /figures? not refreshed/ })).toHaveCount(0);
	await publishing.getByRole('button', { name: 'Publish anyway' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Published as version 1.' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Version 1' })).toBeVisible();

	// Anyone, signed out, finds it from the home page.
	const reader = await (await browser.newContext()).newPage();
	const readerMissing = notFoundLog(reader);
	await reader.goto('/');
	await reader.getByRole('link', { name: 'Read the published strategies' }).click();
	await expect(reader).toHaveURL(/\/published$/);
	const gm = reader.getByRole('region', { name: /Greater Manchester/ });
	await reader.screenshot({ path: screenshotPath('published-index'), fullPage: true });
	await gm.getByRole('link', { name: `${TITLE} 2027-2030` }).click();
	await expect(reader).toHaveURL(new RegExp(`/published/gm/${planId}/v1$`));
	const article = reader.getByRole('article');
	await expect(article.getByRole('heading', { level: 1 })).toHaveText(`${TITLE} 2027-2030`);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveCount(1);
	await expect(article).toContainText('Need is rising among teenagers.');
	await expect(article).not.toContainText('Forecast of need over the period');
	await expect(article).not.toContainText('Who owns the strategy');
	await expect(article).not.toContainText('sufficiency strategy 2027-2030');
	// "Nothing published yet" for an RCC without publications: tests/integration/published-pages.test.ts
	// (other specs publish for both demo RCCs in the same run).
	expect((await reader.request.get('/published/no-such-rcc')).status()).toBe(404);

	expect(missing).toEqual([]);
	expect(readerMissing).toEqual([]);
});
