import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError } from './data-file-error';
import { DEMO_FILES, loadDemoData } from './load-demo-data';

const dataDir = path.resolve('server/data');

// Generous timeout: the machines running the suite are shared and sometimes busy.
describe('loadDemoData', { timeout: 30_000 }, () => {
	it('reads the shipped files', () => {
		const lines: string[] = [];
		const data = loadDemoData(dataDir, (line) => lines.push(line));
		expect(data.las).toHaveLength(153);
		expect(data.regions).toHaveLength(9);
		expect(data.rccs.map((rcc) => [rcc.id, rcc.laCodes.length])).toEqual([
			['gm', 10],
			['se', 19]
		]);
		expect(data.homes.homes).toHaveLength(4009);
		expect(data.msoas).toHaveLength(6856);
		expect(data.lsoas).toHaveLength(7274);
		expect(lines.length).toBeGreaterThan(3);
	});

	describe('with a damaged file', () => {
		const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-data-'));
		afterAll(() => fs.rmSync(broken, { recursive: true, force: true }));

		it('names the file and what is wrong with it', () => {
			fs.cpSync(dataDir, broken, { recursive: true });
			const summary = path.join(broken, DEMO_FILES.laSummary);
			const lines = fs.readFileSync(summary, 'utf8').split('\n');
			lines[5] = lines[5].replace(/^E\d{8}/, 'X123');
			fs.writeFileSync(summary, lines.join('\n'));
			expect(() => loadDemoData(broken)).toThrow(DataFileError);
			expect(() => loadDemoData(broken)).toThrow(
				/la_summary_2025\.csv, line 6, column "ctyua24cd": expected an ONS code/
			);

			const boundaries = path.join(broken, DEMO_FILES.laBoundaries);
			const json = JSON.parse(fs.readFileSync(boundaries, 'utf8'));
			json.features[2].geometry.coordinates[0][0][0] = [999, 51];
			fs.writeFileSync(boundaries, JSON.stringify(json));
			expect(() => loadDemoData(broken)).toThrow(/england_ctyua_2024_bsc\.geojson, feature 3, geometry/);
		});
	});
});
