import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { count, gssCode } from './csv-fields';
import { laSummaryRow } from './la-summary';
import { DEMO_FILES } from './load-demo-data';
import { ofstedHomes, ofstedProviderRow, type OfstedProviderRow } from './ofsted-homes';
import { readCsv } from './read-csv';

const dataDir = path.resolve('server/data');
const laCodeByName = new Map(
	readCsv(path.join(dataDir, DEMO_FILES.laSummary), laSummaryRow).map((row) => [row.la_name, row.ctyua24cd])
);

describe('ofstedHomes', () => {
	const rows = readCsv(path.join(dataDir, DEMO_FILES.ofstedProviders), ofstedProviderRow);
	const { homes, skipped } = ofstedHomes(rows, laCodeByName);

	it("keeps every children's home in England and matches every one to its LA", () => {
		expect(skipped).toEqual([]);
		expect(homes).toHaveLength(4009);
		const childrensHomes = homes.filter((home) => home.kind === 'childrens_home');
		expect(childrensHomes).toHaveLength(3946);
		expect(childrensHomes.reduce((sum, home) => sum + home.places, 0)).toBe(14_275);
		expect(homes.filter((home) => home.kind === 'secure')).toHaveLength(14);
		expect(homes.filter((home) => home.kind === 'residential_school')).toHaveLength(49);
	});

	it('gives each LA the homes and places of the published aggregate by LA', () => {
		const aggregate = readCsv(
			path.join(dataDir, 'stats/ofsted_childrens_homes_by_la_2025.csv'),
			z.object({ ctyua24cd: gssCode, chomes_all_n: count, chomes_all_places: count, ch_n: count })
		);
		expect(aggregate).toHaveLength(153);
		for (const la of aggregate) {
			const ofLa = homes.filter((home) => home.laCode === la.ctyua24cd);
			expect(ofLa.length, la.ctyua24cd).toBe(la.chomes_all_n);
			expect(
				ofLa.reduce((sum, home) => sum + home.places, 0),
				la.ctyua24cd
			).toBe(la.chomes_all_places);
		}
	});

	it('reads kinds, sectors, dates and grades', () => {
		const home = homes.find((h) => h.urn === '2775403')!;
		expect(home).toMatchObject({
			laCode: 'E08000010',
			kind: 'childrens_home',
			provisionType: "Children's home",
			sector: 'Private',
			places: 2,
			owner: 'Zen Care and Education Limited',
			registrationDate: '2024-05-28',
			inspectionDate: '2025-01-28',
			gradeOverall: 'Good'
		});
	});

	it('skips, and says why, a home in Wales or with an unknown LA', () => {
		const base = rows.find((row) => row.URN === '2775403')!;
		const odd: OfstedProviderRow[] = [
			{ ...base, URN: '1', 'Government Office Region': 'Wales', 'Local authority': 'Cardiff' },
			{ ...base, URN: '2', 'Local authority': 'Atlantis' }
		];
		expect(ofstedHomes(odd, laCodeByName).skipped.map((s) => [s.urn, s.reason])).toEqual([
			['1', 'in Wales'],
			['2', 'LA name matches no English upper-tier LA']
		]);
	});
});
