import { expect, test } from './fixtures';
import { PlanEditorPage } from './pages/plan-editor-page';

test('a viewer reads a plan live but cannot change it', async ({ browser }) => {
	const kent = await (await browser.newContext()).newPage();
	expect(
		(
			await kent.request.post('/api/auth/login', {
				data: { email: 'e10000016@demo.local', password: 'demo' }
			})
		).status()
	).toBe(200);
	const planId = (
		await (
			await kent.request.post('/api/rccs/se/plans', { data: { title: 'Viewer e2e', period: '' } })
		).json()
	).id;

	const viewerPage = await (await browser.newContext()).newPage();
	expect(
		(
			await viewerPage.request.post('/api/auth/login', {
				data: { email: 'viewer.se@demo.local', password: 'demo' }
			})
		).status()
	).toBe(200);
	await viewerPage.goto(`/rcc/se/plans/${planId}`);
	const viewer = new PlanEditorPage(viewerPage);
	await expect(viewer.connection).toHaveText('Live, read only');
	await expect(viewer.text).toHaveAttribute('contenteditable', 'false');
	await expect(viewerPage.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
	await expect(viewerPage.getByRole('button', { name: 'Add an action' })).toHaveCount(0);
	await expect(viewerPage.getByRole('button', { name: 'Publish this plan' })).toHaveCount(0);
	await expect(viewerPage.getByRole('button', { name: 'Save version' })).toHaveCount(0);
	expect(
		(
			await viewerPage.request.post(`/api/rccs/se/plans/${planId}/snapshots`, { data: { name: 'x' } })
		).status()
	).toBe(403);
	expect((await viewerPage.request.post(`/api/rccs/se/plans/${planId}/publish`, { data: {} })).status()).toBe(
		403
	);

	// Kent's edits reach the viewer live.
	const editor = new PlanEditorPage(kent);
	await editor.goto('se', planId);
	await editor.caretInSection('Governance and review');
	await kent.keyboard.type('Reviewed every March.');
	await expect(viewer.text).toContainText('Reviewed every March.');
});
