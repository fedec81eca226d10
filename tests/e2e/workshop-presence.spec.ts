import type { Browser } from '@playwright/test';
import { expect, screenshotPath, test } from './fixtures';
import { sameView, WorkshopPage } from './pages/workshop-page';

// Demo accounts of the South East demo grouping (DESIGN.md): a commissioner of Kent and the RCC's
// administrator, who facilitates.
const KENT = 'e10000016@demo.local';
const ADMIN = 'admin.se@demo.local';
const KENT_LABEL = 'Kent commissioner · Kent';

async function signedIn(browser: Browser, email: string, viewport = { width: 1400, height: 860 }) {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	const response = await page.request.post('/api/auth/login', { data: { email, password: 'demo' } });
	expect(response.status(), `sign-in as ${email}`).toBe(200);
	return new WorkshopPage(page);
}

test.describe.configure({ mode: 'serial' });

test('two people on one map: labelled cursors and viewports, follow, bring everyone, wander off and snap back, scenes stepped by arrow keys in presentation mode', async ({
	browser
}) => {
	// Two maps drawn in software WebGL, one of them at 1920x1080: each step waits for frames.
	test.setTimeout(300_000);
	const admin = await signedIn(browser, ADMIN, { width: 1920, height: 1080 });
	const kent = await signedIn(browser, KENT);
	await admin.open('se', 0);
	await kent.open('se', 1);
	await expect(admin.whoIsHere.getByRole('listitem')).toHaveCount(2);
	const adminLabel =
		(await admin.whoIsHere.getByRole('listitem').first().textContent())?.replace(/\(you\).*/s, '').trim() ??
		'';
	expect(adminLabel).toMatch(/administrator$/);
	await expect(kent.whoIsHere).toContainText(adminLabel);
	await expect(kent.whoIsHere).toContainText('Kent commissioner (Kent) (you)');

	// Kent's pointer and what Kent's screen shows appear on the administrator's map, labelled.
	await kent.pointAt(40, 30);
	await expect(admin.cursor(KENT_LABEL)).toBeVisible();
	await expect.poll(() => admin.outlines()).toContain(KENT_LABEL);
	await expect(kent.cursor(adminLabel)).toHaveCount(0); // the administrator's pointer is off the map

	// Kent follows the administrator: Kent's map moves with theirs.
	await kent.whoIsHere.getByRole('button', { name: `Follow ${adminLabel}` }).click();
	await expect(kent.page.getByTestId('following-status')).toContainText(`Your map follows ${adminLabel}`);
	await admin.page.getByRole('button', { name: 'Zoom in' }).click();
	await admin.waitForIdle();
	await admin.drag(-120, 60);
	await admin.waitForIdle();
	const adminView = await admin.view();
	await expect.poll(async () => sameView(await kent.view(), adminView)).toBe(true);

	// Kent pans: following stops, and Kent stays where they went.
	await kent.drag(150, 0);
	await expect(kent.page.getByTestId('following-status')).toHaveCount(0);
	await admin.drag(0, -80);
	await admin.waitForIdle();
	const movedAway = await admin.view();
	await kent.waitForIdle();
	expect(sameView(await kent.view(), movedAway)).toBe(false);

	// The administrator brings everyone to their view; the change is announced politely.
	await admin.whoIsHere.getByRole('button', { name: 'Bring everyone to my view' }).click();
	await expect.poll(async () => sameView(await kent.view(), movedAway)).toBe(true);
	await expect(kent.page.getByTestId('presence-announcement')).toContainText(
		`${adminLabel} started presenting.`
	);
	await expect(kent.whoIsHere.getByRole('listitem').filter({ hasNotText: '(you)' })).toContainText(
		'Presenting'
	);

	// Kent wanders off, then snaps back.
	await kent.drag(-100, -100);
	const back = kent.whoIsHere.getByRole('button', { name: `Back to ${adminLabel}'s view` });
	await expect(back).toBeVisible();
	await kent.waitForIdle();
	expect(sameView(await kent.view(), movedAway)).toBe(false);
	await back.click();
	await expect.poll(async () => sameView(await kent.view(), movedAway)).toBe(true);

	// The administrator saves two scenes: the region with its homes, then closer in with hotspots only.
	await admin.scenes.getByLabel('Save this view as a scene').fill('Homes across the region');
	await admin.scenes.getByRole('button', { name: 'Save scene' }).click();
	await admin.page.getByRole('button', { name: 'Zoom in' }).click();
	await admin.waitForIdle();
	await admin.setLayer('Demand hotspots', true);
	await admin.setLayer("Children's homes", false);
	await admin.scenes.getByLabel('Save this view as a scene').fill('Hotspots close up');
	await admin.scenes.getByRole('button', { name: 'Save scene' }).click();
	await expect(kent.scenes.getByRole('listitem')).toHaveCount(2);

	// Presentation mode; the administrator steps through the scenes with the arrow keys, Kent sees each.
	await admin.page.getByRole('link', { name: 'Present' }).click();
	await expect(admin.page).toHaveURL(/\/rcc\/se\?present$/);
	await expect(admin.page.getByTestId('presentation-bar')).toBeVisible();
	await admin.waitForIdle();
	await admin.page.keyboard.press('ArrowLeft'); // from no scene back: the last one
	await admin.page.keyboard.press('ArrowLeft');
	await expect(admin.page.getByTestId('presentation-scene')).toContainText(
		'Homes across the region, scene 1 of 2'
	);
	await expect(kent.page.getByTestId('presence-announcement')).toContainText(
		'Scene: Homes across the region.'
	);
	await expect(kent.layerToggle("Children's homes")).toBeChecked();
	await expect(kent.layerToggle('Demand hotspots')).not.toBeChecked();
	await admin.waitForIdle();
	const first = await admin.view();
	await expect.poll(async () => sameView(await kent.view(), first)).toBe(true);

	await admin.page.keyboard.press('ArrowRight');
	await expect(admin.page.getByTestId('presentation-scene')).toContainText('Hotspots close up, scene 2 of 2');
	await expect(kent.page.getByTestId('presence-announcement')).toContainText('Scene: Hotspots close up.');
	await expect(kent.layerToggle('Demand hotspots')).toBeChecked();
	await expect(kent.layerToggle("Children's homes")).not.toBeChecked();
	await admin.waitForIdle();
	const second = await admin.view();
	expect(second.zoom).toBeGreaterThan(first.zoom);
	await expect.poll(async () => sameView(await kent.view(), second)).toBe(true);

	// Kent's pointer on the shared screen, for the screenshot of presentation mode at 1920x1080.
	await kent.pointAt(-60, 20);
	await expect(admin.cursor(KENT_LABEL)).toBeVisible();
	await admin.waitForIdle();
	await admin.page.screenshot({ path: screenshotPath('workshop-presentation-1920x1080') });
	await kent.page.screenshot({ path: screenshotPath('workshop-follower') });
});
