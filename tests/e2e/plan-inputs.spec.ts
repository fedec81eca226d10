import { expect, signIn, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

test('limited fields say their limit and count what is left before anyone reaches it', async ({ page }) => {
	await signIn(page, 'admin.gm@demo.local');
	await page.goto('/rcc/gm/plans');
	const title = page.getByLabel('Title');
	await expect(title).toHaveAttribute('maxlength', '200');
	await title.fill('A strategy');
	const titleGroup = page.locator('.govuk-character-count', { has: title });
	await expect(titleGroup).toContainText('You have 190 characters remaining');
	await title.fill('x'.repeat(250));
	await expect(title).toHaveValue('x'.repeat(200));
	await expect(titleGroup).toContainText('You have 0 characters remaining');
	await expect(page.getByLabel('Period')).toHaveAttribute('maxlength', '40');

	// The server refuses more, whatever a client sends.
	const tooLong = await page.request.post('/api/rccs/gm/plans', {
		data: { title: 'x'.repeat(201), period: '' }
	});
	expect(tooLong.status()).toBe(400);
	expect((await tooLong.json()).message).toBe('Title must be 200 characters or fewer');

	await title.fill('Inputs e2e');
	await page.getByRole('button', { name: 'Start the plan' }).click();
	const editor = new PlanEditorPage(page);
	await expect(editor.connection).toHaveText('Live');
	const comment = page.getByLabel('Comment on the selected text');
	await expect(comment).toHaveAttribute('maxlength', '2000');
	await comment.fill('Check this');
	await expect(page.locator('.govuk-character-count', { has: comment })).toContainText(
		'You have 1,990 characters remaining'
	);
	const versionName = page.getByLabel('Name this version');
	await expect(versionName).toHaveAttribute('maxlength', '120');
	await expect(page.locator('.govuk-character-count', { has: versionName })).toContainText(
		'You have 120 characters remaining'
	);
	await page.getByRole('button', { name: 'Map view' }).click();
	const caption = editor.mapViewDialog().getByLabel('Caption (optional)');
	await expect(caption).toHaveAttribute('maxlength', '300');
	await expect(editor.mapViewDialog()).toContainText('You have 300 characters remaining');
	await editor.mapViewDialog().getByRole('button', { name: 'Cancel' }).click();

	// The action plan's cells: the limit said above the table, the count once most of it is used.
	await editor.actionPlan.getByRole('button', { name: 'Add an action' }).click();
	await expect(editor.actionPlan).toContainText('An action or a lead can be up to 2,000 characters.');
	const action = editor.actionPlan.getByLabel('Action', { exact: true }).last();
	await expect(action).toHaveAttribute('maxlength', '2000');
	await action.fill('x'.repeat(1000));
	await expect(editor.actionPlan).not.toContainText('characters remaining');
	await action.fill('x'.repeat(1600));
	await expect(editor.actionPlan).toContainText('You have 400 characters remaining');
});
