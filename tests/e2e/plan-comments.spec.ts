import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

async function editorOf(browser: Browser, email: string): Promise<PlanEditorPage> {
	const page = await (await browser.newContext()).newPage();
	expect((await page.request.post('/api/auth/login', { data: { email, password: 'demo' } })).status()).toBe(
		200
	);
	return new PlanEditorPage(page);
}

test('comment threads anchored to text: mention an LA, reply, resolve and reopen, live for both', async ({
	browser
}) => {
	const kent = await editorOf(browser, 'e10000016@demo.local');
	const created = await kent.page.request.post('/api/rccs/se/plans', {
		data: { title: 'Comments e2e', period: '' }
	});
	const planId = (await created.json()).id as string;
	const medway = await editorOf(browser, 'e06000035@demo.local');
	await kent.goto('se', planId);
	await medway.goto('se', planId);

	// Kent writes in "Gaps and priorities", selects it and comments on it, mentioning Medway.
	await kent.caretInSection('Gaps and priorities');
	await kent.page.keyboard.type('Demand in the north has no suitable capacity near home.');
	await kent.page.keyboard.press('Home');
	await kent.page.keyboard.press('Shift+End');
	await expect
		.poll(() => kent.page.evaluate(() => String(window.getSelection())))
		.toContain('Demand in the north');
	const kentComments = kent.page.getByRole('region', { name: /Comments/ });
	// The panel names the text the comment will be about once the editor has taken the selection.
	await expect(kentComments).toContainText('On “Demand in the north has no suitable capacity');
	await kentComments
		.getByLabel('Comment on the selected text')
		.fill('@Medway can you add the sibling figures?');
	await kentComments.getByRole('button', { name: 'Add comment' }).click();
	await expect(kent.text.locator('.comment-anchor')).toContainText(
		'Demand in the north has no suitable capacity'
	);

	// Medway sees it live, anchored in its own view, with the mention, and finds it by the filter.
	const medwayComments = medway.page.getByRole('region', { name: /Comments/ });
	const thread = medwayComments.locator('.thread');
	await expect(thread).toContainText('“Demand in the north has no suitable capacity near home.”');
	await expect(thread).toContainText('Kent commissioner, Kent');
	await expect(thread.locator('.govuk-tag')).toHaveText('@Medway');
	await expect(medway.text.locator('.comment-anchor')).toContainText(
		'Demand in the north has no suitable capacity'
	);
	await medwayComments.getByLabel('Only those mentioning Medway').check();
	await expect(thread).toHaveCount(1);

	// Anchors follow the text through edits before it.
	await kent.caretInSection('Needs analysis');
	await kent.page.keyboard.type('More words before the anchor.');
	await expect(medway.text.locator('.comment-anchor')).toHaveText(
		'Demand in the north has no suitable capacity near home.'
	);

	await thread.getByLabel('Reply').fill('Added to the needs analysis.');
	await thread.getByRole('button', { name: 'Reply' }).click();
	await expect(kentComments.locator('.thread')).toContainText('Added to the needs analysis.');

	await thread.getByRole('button', { name: /^Resolve/ }).click();
	await expect(kentComments.getByRole('heading', { name: 'Comments (0 open)' })).toBeVisible();
	await expect(kentComments.locator('.thread')).toHaveCount(0);
	await expect(kent.text.locator('.comment-anchor')).toHaveCount(0);

	await kentComments.getByLabel('Show resolved').check();
	await kentComments
		.locator('.thread')
		.getByRole('button', { name: /^Reopen/ })
		.click();
	await expect(medwayComments.getByRole('heading', { name: 'Comments (1 open)' })).toBeVisible();
	await expect(medway.text.locator('.comment-anchor')).toHaveCount(1);
});
