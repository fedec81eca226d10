import path from 'node:path';
import type { RccSummary } from '../../src/lib/domain/types';
import { expect, screenshotPath, signIn, test } from './fixtures';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const MANCHESTER = 'E08000003';

/**
 * Manchester's commissioner imports the LA's SSDA903 header and episodes on the page (upload with a
 * progress bar, preview, confirm), sees the map say the LA's figures are imported and its count change,
 * then undoes both imports: the demo is as it was for the specs that follow.
 */
test("a commissioner imports their LA's return, sees the map change, and undoes it", async ({ page }) => {
	await signIn(page);
	const manchesterChildren = async () => {
		const summary = (await (await page.request.get('/api/rccs/gm/summary')).json()) as RccSummary;
		return summary.las.find((la) => la.code === MANCHESTER)!.childrenLookedAfter.computed;
	};
	const before = await manchesterChildren();
	expect(before).toBeGreaterThan(100);

	await page.goto('/rcc/gm/import');
	await expect(page.getByRole('heading', { name: /Import data for/ })).toBeVisible();
	const upload = async (kind: string, file: string) => {
		await page.getByLabel('What the file holds').selectOption(kind);
		await page.getByLabel('Collection date').fill('31/03/2025');
		await page.getByLabel('File', { exact: true }).setInputFiles(path.join(FIXTURES, file));
		await page.getByRole('button', { name: 'Check the file' }).click();
		await expect(page.getByTestId('import-preview')).toBeVisible();
	};

	// A bad file: every problem listed, nothing written.
	await page.getByLabel('What the file holds').selectOption('ssda903-header');
	await page.getByLabel('File', { exact: true }).setInputFiles(path.join(FIXTURES, 'header-bad.csv'));
	await page.getByRole('button', { name: 'Check the file' }).click();
	const problems = page.getByTestId('import-problems');
	await expect(problems).toContainText('Row 3, column CHILD, value “1001”: the same child as row 2');
	await expect(problems.getByRole('listitem')).toHaveCount(5);

	await upload('ssda903-header', 'header-good.csv');
	await page.getByRole('button', { name: 'Confirm the import' }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	await page.getByRole('button', { name: 'Import another file' }).click();

	await upload('ssda903-episodes', 'episodes-good.csv');
	await expect(page.getByRole('table', { name: 'Changes' })).toContainText('children');
	await page.screenshot({ path: screenshotPath('import-preview'), fullPage: true });
	await page.getByRole('button', { name: 'Confirm the import' }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	expect(await manchesterChildren()).toBe(4);

	await page.goto('/rcc/gm');
	const banner = page.getByTestId('data-source-banner');
	await expect(banner).toContainText('Imported data: Manchester');
	await expect(banner).toContainText('Synthetic demo:');
	await page.screenshot({ path: screenshotPath('import-map-banner') });

	await page.goto('/rcc/gm/import');
	await page.getByRole('button', { name: "Undo Manchester's last import" }).click();
	await expect(page.getByText('The last import was undone.')).toBeVisible();
	await page.getByRole('button', { name: "Undo Manchester's last import" }).click();
	await expect(page.getByText('The last import was undone.')).toBeVisible();
	expect(await manchesterChildren()).toBe(before);
	await page.goto('/rcc/gm');
	await expect(page.getByTestId('data-source-banner')).toContainText('synthetic cohort');
});
