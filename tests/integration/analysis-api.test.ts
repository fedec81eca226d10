import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as analysisInputOf } from '../../src/routes/api/rccs/[id=rcc]/analysis-input.json/+server';
import { GET as gapsOf } from '../../src/routes/api/rccs/[id=rcc]/gaps.json/+server';
import { POST as whatIfOf } from '../../src/routes/api/rccs/[id=rcc]/what-if.json/+server';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import type { AnalysisInput } from '../../src/lib/domain/analysis';
import type { CurrentUser } from '../../src/lib/domain/types';
import type { PublicGapCell } from '../../src/lib/server/analysis/suppress-gaps';
import type { PublicGapBreakdown } from '../../src/lib/server/analysis/suppress-gap-breakdown';
import type { PublicWhatIf } from '../../src/lib/server/analysis/suppress-what-if';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import { ADMIN, commissionerOf, insertFixture, LA, OUTSIDER, VIEWER } from './api-fixture';

const COMMISSIONER_A = commissionerOf(LA.A, 'Alpha');
const COMMISSIONER_B = commissionerOf(LA.B, 'Beta');
/** Six secure-placed children of Beta from one spot, placed far away: no secure home anywhere near. */
const GAP_HOME: [number, number] = [-1.6, 53.4];

type Handler = (event: never) => Response | Promise<Response>;

/**
 * The arithmetic a reader does on a what-if answer: over 20 miles = could move + could not, before and
 * after (a share of 0% says that none could not), gained = after - before, and each count of the region
 * is the sum of its LAs'. Returns the withheld counts it works out that are 1 to 4.
 */
function workedOut(answer: PublicWhatIf): string[] {
	const keys = ['over20Miles', 'couldLiveWithin20Before', 'couldLiveWithin20After', 'gained'] as const;
	const areas = [...answer.las, answer.region];
	// Per area: over, before, after, gained, left over 20 before, left over 20 after.
	const value = areas.map((area) => [
		...keys.map((key) => area[key].value),
		area.percentOver20MilesBefore.value === 0 ? 0 : null,
		area.percentOver20MilesAfter.value === 0 ? 0 : null
	]);
	const names = [...keys, 'over20Before', 'over20After'];
	const found: string[] = [];
	// Each relation: total, then parts (gained: after = before + gained).
	const within: [number, number[]][] = [
		[0, [1, 4]],
		[0, [2, 5]],
		[2, [1, 3]]
	];
	let changed = true;
	const solve = (terms: { get: () => number | null; set: (v: number) => void; sign: number }[]) => {
		const open = terms.filter((t) => t.get() === null);
		if (open.length !== 1) return;
		const rest = terms.reduce((sum, t) => sum + (t.get() === null ? 0 : t.sign * t.get()!), 0);
		open[0].set(-rest / open[0].sign);
		changed = true;
	};
	const term = (a: number, k: number, sign: number) => ({
		get: () => value[a][k],
		set: (v: number) => {
			value[a][k] = v;
			if (Math.abs(v) >= 1 && Math.abs(v) <= 4) found.push(`${areas[a].code} ${names[k]} = ${v}`);
		},
		sign
	});
	while (changed) {
		changed = false;
		value.forEach((_, a) =>
			within.forEach(([total, parts]) => solve([term(a, total, -1), ...parts.map((p) => term(a, p, 1))]))
		);
		names.forEach((_, k) =>
			solve([term(areas.length - 1, k, -1), ...answer.las.map((_, a) => term(a, k, 1))])
		);
	}
	return found;
}

describe.each(backends)('analysis API on %s', (backend) => {
	let test: TestDatabase;

	function call(handler: Handler, file: string, user: CurrentUser | null, body?: unknown, id = 'tst') {
		const url = `http://localhost/api/rccs/${id}/${file}`;
		const request =
			body === undefined
				? new Request(url)
				: new Request(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
		return handler({
			params: { id },
			url: new URL(url),
			request,
			locals: { runtime: { db: test.db, config: {} }, user }
		} as never);
	}

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
		const far = { placement_lon: 0.25, placement_lat: 51.25, placement_la_code: LA.D };
		await test.db.sql`insert into children ${test.db.sql(
			Array.from({ length: 6 }, (_, i) => ({
				id: `g${i}`,
				la_code: LA.B,
				age: 14,
				placement_type: 'secure',
				home_lon: GAP_HOME[0],
				home_lat: GAP_HOME[1],
				...far
			}))
		)}`;
	});
	afterAll(() => test?.drop());

	it('answers 401 to anonymous requests and 404 to people outside the RCC', async () => {
		for (const [handler, file, body] of [
			[analysisInputOf, 'analysis-input.json', undefined],
			[gapsOf, 'gaps.json', undefined],
			[whatIfOf, 'what-if.json', { proposals: [] }]
		] as const) {
			expect((await call(handler, file, null, body)).status).toBe(401);
			expect((await call(handler, file, OUTSIDER, body)).status).toBe(404);
		}
	});

	it('gives a commissioner only their own LA’s children, and a viewer none', async () => {
		const response = await call(analysisInputOf, 'analysis-input.json', COMMISSIONER_A);
		expect(response.status).toBe(200);
		const input = (await response.json()) as AnalysisInput;
		expect(input.children.map((c) => c.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
		expect(input.children.every((c) => c.laCode === LA.A)).toBe(true);
		expect(input.homes.map((h) => h.urn)).toEqual(['SC000001', 'SC000002', 'SC000003']);
		expect(input.rccs).toEqual([{ id: 'tst', name: 'Test RCC', laCodes: [LA.A, LA.B] }]);
		expect(input.boundaries.map((b) => b.code)).toContain(LA.C);
		expect(input.boundaries.map((b) => b.code)).not.toContain(LA.D);

		const viewer = (await (
			await call(analysisInputOf, 'analysis-input.json', VIEWER)
		).json()) as AnalysisInput;
		expect(viewer.children).toEqual([]);
		expect(viewer.homes).toHaveLength(3);
	});

	it('ranks gap cells of five or more children and drops smaller ones', async () => {
		const response = await call(gapsOf, 'gaps.json', VIEWER);
		expect(response.status).toBe(200);
		const gaps = (await response.json()) as { resolution: number; cells: PublicGapCell[] };
		// Alpha's one far-placed child (a4) is a cell of 1: withheld.
		expect(gaps.cells.map((c) => [c.rank, c.children])).toEqual([[1, 6]]);
		expect(gaps.cells[0].ownChildren).toBeUndefined();
		expect(gaps.cells[0].ring.length).toBeGreaterThan(5);
		const own = (await (await call(gapsOf, 'gaps.json', COMMISSIONER_A)).json()) as {
			cells: PublicGapCell[];
		};
		expect(own.cells[0].ownChildren).toBe(0);
		const fine = (await (await call(gapsOf, 'gaps.json?resolution=6', VIEWER)).json()) as {
			resolution: number;
		};
		expect(fine.resolution).toBe(6);
		expect((await call(gapsOf, 'gaps.json?resolution=9', VIEWER)).status).toBe(400);
	});

	it('counts who could live within 20 miles of a proposed home, suppressed for others’ LAs', async () => {
		const proposals = [
			{ action: 'add', id: 'p1', kind: 'secure', location: GAP_HOME, places: 10, ageMin: 10, ageMax: 17 }
		];
		const before = (await (
			await call(whatIfOf, 'what-if.json', COMMISSIONER_A, { proposals: [] })
		).json()) as PublicWhatIf;
		expect(before.region.gained).toEqual({ value: 0, suppressed: false });
		const response = await call(whatIfOf, 'what-if.json', COMMISSIONER_A, { proposals });
		expect(response.status).toBe(200);
		const after = (await response.json()) as PublicWhatIf;
		expect(after.las.map((la) => la.code)).toEqual([LA.A, LA.B]);
		const [alpha, beta] = after.las;
		expect(beta.gained).toEqual({ value: 6, suppressed: false });
		expect(alpha.gained).toEqual({ value: 0, suppressed: false });
		expect(after.region.gained).toEqual({ value: 6, suppressed: false });
		// Beta: 10 children with a placement location, 6 over 20 miles now (the other 4 give it away: withheld),
		// none after; that share is withheld too, since its denominator with the over-20 count and what is
		// left after would give the 4 back (10 - (6 + 0)).
		expect(beta.percentOver20MilesNow).toEqual({ value: null, suppressed: true });
		expect(beta.percentOver20MilesAfter).toEqual({ value: null, suppressed: true });
		expect(beta.percentOver20MilesBefore).toEqual({ value: null, suppressed: true });
		// Alpha's own figure (1 child over 20 miles) is shown to Alpha's commissioner, withheld from Beta's.
		expect(alpha.over20Miles).toEqual({ value: 1, suppressed: false });
		const other = (await (
			await call(whatIfOf, 'what-if.json', COMMISSIONER_B, { proposals })
		).json()) as PublicWhatIf;
		expect(other.las[0].over20Miles).toEqual({ value: null, suppressed: true });
	});

	it('says whether each proposed home serves anyone, and not how many', async () => {
		const proposals = [
			{ action: 'add', id: 'fits', kind: 'secure', location: GAP_HOME, places: 10, ageMin: 10, ageMax: 17 },
			{ action: 'add', id: 'wrong-kind', kind: 'childrens_home', location: GAP_HOME, places: 6 }
		];
		const body = (await (
			await call(whatIfOf, 'what-if.json', COMMISSIONER_A, { proposals })
		).json()) as PublicWhatIf & { proposals: unknown };
		expect(body.proposals).toEqual([
			{ id: 'fits', helps: true },
			{ id: 'wrong-kind', helps: false }
		]);
	});

	it('refuses a viewer a what-if: proposing homes is for commissioners and administrators', async () => {
		const response = await call(whatIfOf, 'what-if.json', VIEWER, { proposals: [] });
		expect(response.status).toBe(403);
		expect(((await response.json()) as { message: string }).message).toMatch(/Viewers cannot propose homes/);
	});

	it('says who each gap leaves unserved, per LA, withholding other LAs’ small counts', async () => {
		type Cells = { cells: (PublicGapCell & { unserved: PublicGapBreakdown })[] };
		const gaps = (await (await call(gapsOf, 'gaps.json', COMMISSIONER_A)).json()) as Cells;
		const { unserved } = gaps.cells[0];
		expect(unserved.groups.map((g) => [g.kind, g.ageBand, g.children])).toEqual([
			['secure', '10-15', { value: 6, suppressed: false }]
		]);
		expect(unserved.las).toEqual([
			{ code: LA.B, children: { value: 6, suppressed: false }, byGroup: [{ value: 6, suppressed: false }] }
		]);
		expect(unserved.suggestion).toEqual({ kind: 'secure', ageMin: 10, ageMax: 15, needs: [], places: 6 });
		// The suggested home, proposed in the gap, serves them.
		const proposal = { action: 'add', id: 's', location: GAP_HOME, ...unserved.suggestion };
		const after = (await (
			await call(whatIfOf, 'what-if.json', COMMISSIONER_A, { proposals: [proposal] })
		).json()) as PublicWhatIf;
		expect(after.region.gained).toEqual({ value: 6, suppressed: false });
	});

	it('lets no withheld what-if count be worked out by differencing the figures it shows', async () => {
		const proposals = [
			{ action: 'add', id: 'p1', kind: 'secure', location: GAP_HOME, places: 10, ageMin: 10, ageMax: 17 }
		];
		const answer = (await (
			await call(whatIfOf, 'what-if.json', ADMIN, { proposals })
		).json()) as PublicWhatIf;
		// The RCC's administrator sees aggregates only. Alpha has 1 child over 20 miles, Beta 6, all 6 of whom could move after. Suppressed column by
		// column, Alpha's 1 and Beta's 6 were withheld and the region's 7 shown; but Beta's "could move
		// after" (6) and its share left over 20 miles after (0%) gave Beta's 6 back (6 + 0), and 7 - 6
		// gave Alpha's 1.
		expect(answer.las[0].over20Miles).toEqual({ value: null, suppressed: true });
		expect(workedOut(answer)).toEqual([]);
	});

	it('refuses invalid proposals with the problems listed', async () => {
		const bad = await call(whatIfOf, 'what-if.json', COMMISSIONER_A, {
			proposals: [{ action: 'add', id: 'x', kind: 'castle', location: [500, 0], places: 2 }]
		});
		expect(bad.status).toBe(400);
		const body = (await bad.json()) as { issues: string[] };
		expect(body.issues.join(' ')).toMatch(/kind/);
		expect((await call(whatIfOf, 'what-if.json', COMMISSIONER_A, 'not json')).status).toBe(400);
	});

	it('refuses, as a 400 naming it, a move or removal of a home it does not know (a stale shared scenario)', async () => {
		const answer = await call(whatIfOf, 'what-if.json', COMMISSIONER_A, {
			proposals: [{ action: 'remove', urn: 'SC999999' }]
		});
		expect(answer.status).toBe(400);
		expect(((await answer.json()) as { message: string }).message).toContain('SC999999');
	});
});
