import { expect, screenshotPath, signIn, test } from './fixtures';
import { MapPage } from './pages/map-page';
import { PlanEditorPage } from './pages/plan-editor-page';
import { SignInPage } from './pages/sign-in-page';

/**
 * Issue 6.4: an action of the plan links to a gap or an LA on the map, and the link opens the map on it.
 * Manchester's commissioner in Greater Manchester; Greater Manchester's viewer watches the plan live.
 */
test('a commissioner links actions to a gap and an LA; the links open the map focused on them', async ({
	page,
	browser
}) => {
	await signIn(page);
	await page.goto('/rcc/gm/plans');
	await page.getByLabel('Title').fill('Linked actions e2e');
	await page.getByRole('button', { name: 'Start the plan' }).click();
	await page.waitForURL(/\/rcc\/gm\/plans\/[\w-]+$/);
	const planPath = new URL(page.url()).pathname;
	const editor = new PlanEditorPage(page);
	await expect(editor.connection).toHaveText('Live');

	const viewerContext = await browser.newContext();
	const viewerPage = await viewerContext.newPage();
	await signIn(viewerPage, 'viewer.gm@demo.local');
	await viewerPage.goto(planPath);
	const viewer = new PlanEditorPage(viewerPage);
	await expect(viewer.connection).toHaveText('Live, read only');

	// First action: linked to the first-ranked gap, chosen from the dialog.
	const addAction = editor.actionPlan.getByRole('button', { name: 'Add an action' });
	await addAction.click();
	const first = editor.actionRows().first();
	await first.getByLabel('Action').fill('Open a home in the largest gap');
	await first.getByRole('button', { name: 'Link to the map for Open a home in the largest gap' }).click();
	const dialog = page.getByRole('dialog', { name: 'Link to the map' });
	await expect(
		dialog.getByRole('searchbox', { name: "Find a gap, an LA or a children's home" })
	).toBeFocused();
	const gaps = dialog.getByRole('region', { name: 'Gaps' }).getByRole('button');
	await expect(gaps.first()).toHaveText(/^Gap 1: \d+ children, near [A-Z]/);
	const gapLabel = (await gaps.first().innerText()).trim();
	// Published and frozen: no gap is offered with a count under five.
	for (const label of await gaps.allInnerTexts())
		expect(Number(/: (\d+) children/.exec(label)?.[1])).toBeGreaterThanOrEqual(5);
	await dialog.screenshot({ path: screenshotPath('plan-link-dialog') });
	await gaps.first().click();
	await expect(dialog).toBeHidden();
	const gapLink = first.getByRole('link', { name: `${gapLabel} (opens the map)` });
	await expect(gapLink).toHaveAttribute('href', /^\/rcc\/gm\?focus=gap:[0-9a-f]{15}$/);

	// Second action: linked to Wigan, found by typing; the keyboard moves from the search into the list.
	await addAction.click();
	const second = editor.actionRows().nth(1);
	await second.getByLabel('Action').fill('Recruit foster carers in Wigan');
	await second.getByRole('button', { name: /^Link to the map/ }).click();
	await dialog.getByRole('searchbox').fill('wigan');
	await expect(dialog.getByRole('button', { name: 'Wigan (LA)', exact: true })).toBeVisible();
	await expect(dialog.getByRole('button', { name: /^Children's home \w+, Wigan$/ }).first()).toBeVisible();
	await dialog.getByRole('searchbox').fill('wigan (la)');
	await dialog.getByRole('searchbox').press('ArrowDown');
	await expect(dialog.getByRole('button', { name: 'Wigan (LA)', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	const laLink = second.getByRole('link', { name: 'Wigan (LA) (opens the map)' });
	await expect(laLink).toHaveAttribute('href', '/rcc/gm?focus=la:E08000010');

	// Co-edited live: the viewer sees both links, read-only.
	await expect(viewer.actionPlan.getByRole('link', { name: `${gapLabel} (opens the map)` })).toBeVisible();
	await expect(viewer.actionPlan.getByRole('link', { name: 'Wigan (LA) (opens the map)' })).toBeVisible();
	await expect(viewer.actionPlan.getByRole('button', { name: /Link to the map/ })).toHaveCount(0);
	await viewerContext.close();

	// Published: the frozen labels as text; the members' map is not linked from a public page.
	const adminContext = await browser.newContext();
	const adminPage = await adminContext.newPage();
	await signIn(adminPage, 'admin.gm@demo.local');
	const planId = planPath.split('/').pop();
	expect((await adminPage.request.post(`/api/rccs/gm/plans/${planId}/publish`, { data: {} })).status()).toBe(
		201
	);
	await adminContext.close();
	const publicContext = await browser.newContext();
	const reader = await publicContext.newPage();
	await reader.goto(`/published/gm/${planId}/v1`);
	const publishedActions = reader.getByRole('article').getByRole('table', { name: 'Action plan' });
	await expect(publishedActions).toContainText(gapLabel);
	await expect(publishedActions).toContainText('Wigan (LA)');
	await expect(publishedActions.getByRole('link')).toHaveCount(0);
	await publishedActions.screenshot({ path: screenshotPath('plan-action-links-published') });
	await publicContext.close();

	// Sorting by the column goes by label ("Gap 1…" before "Wigan…" ascending, after it descending).
	const sortLinks = editor.actionPlan.getByRole('button', { name: 'Linked gap or feature' });
	await sortLinks.click();
	await sortLinks.click();
	await expect(editor.actionRows().first().getByLabel('Action')).toHaveValue(
		'Recruit foster carers in Wigan'
	);
	await editor.actionPlan.getByRole('searchbox').fill(gapLabel.split(', near ')[1]);
	await expect(editor.actionRows()).not.toHaveCount(0);
	await editor.actionPlan.getByRole('searchbox').fill('');
	await editor.actionPlan.screenshot({ path: screenshotPath('plan-action-links') });

	// Following the gap link: the map opens with that gap chosen in the list and outlined.
	const map = new MapPage(page);
	await editor.actionPlan.getByRole('link', { name: `${gapLabel} (opens the map)` }).click();
	await page.waitForURL(/\/rcc\/gm\?focus=gap:/);
	await expect(page.getByTestId('linked-focus')).toHaveText(/Gap 1, from the link you followed, is outlined/);
	const ranked = page.getByRole('list', { name: 'Gaps ranked by children affected' }).getByRole('button');
	await expect(ranked.first()).toHaveAttribute('aria-pressed', 'true');
	await map.waitForIdle();
	await map.screenshot('map-focused-gap');

	// Following the LA link: Wigan selected, its details open.
	await page.goBack();
	await expect(editor.connection).toHaveText('Live');
	await editor.actionPlan.getByRole('link', { name: 'Wigan (LA) (opens the map)' }).click();
	await page.waitForURL('/rcc/gm?focus=la:E08000010');
	await expect(map.details.locator('#details-heading')).toHaveText('Wigan');
	await map.waitForIdle();
	await map.screenshot('map-focused-la');

	// A link the map cannot follow is explained; the rest of the map works.
	await map.page.goto('/rcc/gm?focus=gap:85194ad3fffffff');
	await expect(page.getByTestId('linked-focus')).toHaveText(/not among the gaps now/);
	await expect(ranked.first()).toHaveAttribute('aria-pressed', 'false');
	await map.page.goto('/rcc/gm?focus=la:Wigan');
	await expect(page.getByRole('alert').filter({ hasText: 'not one the map recognises' })).toBeVisible();
	await map.waitForIdle();
	await map.screenshot('map-focus-malformed');
	await map.clickOn({ kind: 'la', code: 'E08000003' });
	await expect(map.details.locator('#details-heading')).toHaveText('Manchester');

	// A home's link opens its details too.
	const homes = await (await page.request.get('/api/rccs/gm/homes.geojson')).json();
	const urn = homes.features[0].properties.urn as string;
	await map.page.goto(`/rcc/gm?focus=home:${urn}`);
	await expect(map.details.locator('#details-heading')).toHaveText(`Children's home ${urn}`);

	// Followed while signed out (from an e-mail, say): after signing in, the map still opens on it.
	const outside = await browser.newContext();
	const signedOut = await outside.newPage();
	await signedOut.goto('/rcc/gm?focus=la:E08000010');
	const form = new SignInPage(signedOut);
	await expect(form.heading).toBeVisible();
	await form.signIn('e08000003@demo.local', 'demo');
	await expect(signedOut).toHaveURL(/\/rcc\/gm\?focus=la:E08000010$/);
	await expect(new MapPage(signedOut).details.locator('#details-heading')).toHaveText('Wigan');
	await outside.close();
});
