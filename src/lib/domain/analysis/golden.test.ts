/**
 * Golden fixtures (Turf's habit): every tests/fixtures/analysis/in/*.geojson is run through the engine
 * and compared with out/ of the same name. Regenerate after a deliberate change with
 * `UPDATE_GOLDEN=1 npx vitest run src/lib/domain/analysis/golden.test.ts` and read the diff; a fixture
 * whose description says its expected values were worked out by hand is checked against that working,
 * not regenerated. A missing expected file fails (the test never blesses its own output), and CI never
 * regenerates.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LonLat } from '../types';
import {
	childAnalyses,
	coverageGaps,
	prepareAnalysis,
	summariseDistances,
	whatIf,
	type AnalysisInput,
	type LaGeometry,
	type Proposal
} from './index';

const FIXTURES = join(import.meta.dirname, '../../../../tests/fixtures/analysis');

interface FixtureFeature {
	type: 'Feature';
	properties: Record<string, unknown> & { role: string };
	geometry:
		| LaGeometry
		| { type: 'Point'; coordinates: LonLat }
		| { type: 'LineString'; coordinates: [LonLat, LonLat] };
}

interface Fixture {
	rccs: AnalysisInput['rccs'];
	proposals?: Proposal[];
	gapResolution?: number;
	features: FixtureFeature[];
}

function toInput(fixture: Fixture): AnalysisInput {
	const input: AnalysisInput = { children: [], homes: [], fostering: [], boundaries: [], rccs: fixture.rccs };
	for (const { properties: p, geometry: g } of fixture.features) {
		if (p.role === 'la') input.boundaries.push({ code: p.code as string, geometry: g as LaGeometry });
		else if (p.role === 'child') {
			const line = g.type === 'LineString' ? g.coordinates : null;
			input.children.push({
				id: p.id as string,
				laCode: p.laCode as string,
				home: line ? line[0] : (g.coordinates as LonLat),
				placement: line ? line[1] : null,
				placementType: p.placementType as AnalysisInput['children'][number]['placementType'],
				age: p.age as number,
				needs: p.needs as string[]
			});
		} else if (p.role === 'home') {
			const { role: _role, ...home } = p;
			input.homes.push({
				...(home as Omit<AnalysisInput['homes'][number], 'location'>),
				location: g.coordinates as LonLat
			});
		} else if (p.role === 'fostering') {
			input.fostering.push({
				laCode: p.laCode as string,
				places: p.places as number,
				vacancies: p.vacancies as number,
				location: g.coordinates as LonLat
			});
		}
	}
	return input;
}

/** Six decimals (a tenth of a millionth of a mile, or ~0.1 m in degrees) keep goldens stable across platforms. */
function rounded<T>(value: T): T {
	return JSON.parse(
		JSON.stringify(value, (_key, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))
	);
}

function run(fixture: Fixture) {
	const input = toInput(fixture);
	const context = prepareAnalysis(input);
	const results = childAnalyses(context);
	const children = input.children.map((child, c) => ({
		type: 'Feature',
		properties: { role: 'child', ...results[c] },
		geometry: child.placement
			? { type: 'LineString', coordinates: [child.home, child.placement] }
			: { type: 'Point', coordinates: child.home }
	}));
	const gaps = coverageGaps(context, { resolution: fixture.gapResolution ?? 6 });
	const gapFeatures = gaps.geojson.features.map((f) => ({
		...f,
		properties: { role: 'gap', ...f.properties }
	}));
	const scenario = fixture.proposals ? whatIf(context, fixture.proposals) : null;
	const { milliseconds: _ms, ...whatIfResult } = scenario ?? { milliseconds: 0 };
	return rounded({
		type: 'FeatureCollection',
		summaries: summariseDistances(context),
		summariesSuppressed: summariseDistances(context, { suppress: (n) => n >= 1 && n <= 4 }),
		whatIf: scenario ? whatIfResult : null,
		features: [...children, ...gapFeatures]
	});
}

/** One feature per line: small diffs when a golden changes. */
function format(collection: ReturnType<typeof run>): string {
	const { features, ...rest } = collection as { features: unknown[] };
	const head = JSON.stringify(rest, null, '\t').slice(0, -2);
	return `${head},\n\t"features": [\n${features.map((f) => `\t\t${JSON.stringify(f)}`).join(',\n')}\n\t]\n}\n`;
}

describe('golden fixtures', () => {
	const names = readdirSync(join(FIXTURES, 'in')).filter((name) => name.endsWith('.geojson'));
	it('has fixtures to run', () => expect(names.length).toBeGreaterThan(0));
	for (const name of names) {
		it(name, () => {
			const fixture = JSON.parse(readFileSync(join(FIXTURES, 'in', name), 'utf8')) as Fixture;
			const actual = format(run(fixture));
			const outPath = join(FIXTURES, 'out', name);
			if (process.env.UPDATE_GOLDEN && !process.env.CI) writeFileSync(outPath, actual);
			if (!existsSync(outPath)) {
				expect.fail(
					`No expected output tests/fixtures/analysis/out/${name}: write it (UPDATE_GOLDEN=1, outside CI) and check every value`
				);
			}
			expect(actual).toBe(readFileSync(outPath, 'utf8'));
		});
	}
});
