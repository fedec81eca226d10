import { describe, expect, it } from 'vitest';
import { randomInput as randomInputFor, seeded } from '../../../../tests/fixtures/analysis/random-input';
import {
	AnalysisInputError,
	analysisInputSchema,
	isPlainValidChild,
	parseAnalysisInput
} from './parse-analysis-input';
import { prepareAnalysis } from './prepare-analysis';

function issuesOf(run: () => unknown): string[] {
	try {
		run();
	} catch (error) {
		if (error instanceof AnalysisInputError) return error.issues;
		throw error;
	}
	throw new Error('expected an AnalysisInputError');
}

describe('parseAnalysisInput', () => {
	it('accepts a well-formed input unchanged', () => {
		const input = randomInputFor(1);
		expect(parseAnalysisInput(input)).toEqual(input);
	});

	it('rejects a longitude out of range, naming the child and the field', () => {
		const input = randomInputFor(1);
		input.children[3].home = [200, 51];
		expect(issuesOf(() => parseAnalysisInput(input))).toEqual([
			'children.3.home.0: longitude 200 is outside -180..180'
		]);
	});

	it('rejects a latitude out of range, NaN and a missing coordinate', () => {
		const input = randomInputFor(1) as unknown as {
			children: { placement: unknown }[];
			homes: { location: unknown }[];
		};
		input.children[0].placement = [-1.5, 95];
		input.homes[1].location = [Number.NaN, 51];
		input.homes[2].location = [-1.5];
		const issues = issuesOf(() => parseAnalysisInput(input));
		expect(issues).toContain('children.0.placement.1: latitude 95 is outside -90..90');
		expect(issues.some((issue) => issue.startsWith('homes.1.location.0:'))).toBe(true);
		expect(issues.some((issue) => issue.startsWith('homes.2.location'))).toBe(true);
	});

	it('rejects an unknown placement type and an inverted age range', () => {
		const input = randomInputFor(1) as unknown as {
			children: { placementType: string }[];
			homes: { ageMin: number; ageMax: number }[];
		};
		input.children[0].placementType = 'hotel';
		input.homes[0].ageMin = 17;
		input.homes[0].ageMax = 8;
		const issues = issuesOf(() => parseAnalysisInput(input));
		expect(issues.some((issue) => issue.startsWith('children.0.placementType'))).toBe(true);
		expect(issues).toContain('homes.0.ageMin: ageMin must not exceed ageMax');
	});

	it('guards prepareAnalysis with a clear message', () => {
		const input = randomInputFor(1);
		input.children[0].home = [-1.5, -91];
		expect(() => prepareAnalysis(input)).toThrow(/children\.0\.home\.1: latitude -91 is outside -90\.\.90/);
	});

	it('rejects duplicate URNs and child ids', () => {
		const input = randomInputFor(1);
		input.homes[2].urn = input.homes[0].urn;
		input.children[5].id = input.children[1].id;
		const issues = issuesOf(() => parseAnalysisInput(input));
		expect(issues).toContain(`homes.2: duplicate URN ${input.homes[0].urn}`);
		expect(issues).toContain(`children.5: duplicate child id ${input.children[1].id}`);
	});

	it('never lets the fast child check accept what zod refuses', () => {
		const next = seeded(99);
		const odd: unknown[] = [
			undefined,
			null,
			'',
			'x',
			0,
			-1,
			1.5,
			26,
			NaN,
			Infinity,
			-Infinity,
			[],
			[1],
			[1, 2],
			[1, 2, 3],
			[200, 51],
			[-1, 95],
			[-1, NaN],
			['1', '2'],
			{},
			'foster',
			'hotel',
			['a'],
			[1, 'a'],
			true
		];
		const fields = ['id', 'laCode', 'rccIds', 'home', 'placement', 'placementType', 'age', 'needs', 'extra'];
		const base = randomInputFor(3).children;
		let accepted = 0;
		for (let i = 0; i < 5000; i++) {
			const child = structuredClone(base[i % base.length]) as unknown as Record<string, unknown>;
			const changes = 1 + Math.floor(next() * 2);
			for (let k = 0; k < changes; k++) {
				const field = fields[Math.floor(next() * fields.length)];
				const value = odd[Math.floor(next() * odd.length)];
				if (value === undefined && next() < 0.5) delete child[field];
				else child[field] = value;
			}
			const fast = isPlainValidChild(child);
			const zod = analysisInputSchema.safeParse({
				children: [child],
				homes: [],
				fostering: [],
				boundaries: [],
				rccs: []
			});
			if (fast) {
				accepted++;
				expect(zod.success, JSON.stringify(child)).toBe(true);
			}
		}
		expect(accepted).toBeGreaterThan(100); // the mutations left enough valid children to mean something
	});
});
