import { describe, expect, it } from 'vitest';
import { randomInput } from '../../../../tests/fixtures/analysis/random-input';
import { AnalysisInputError, parseAnalysisInput } from './parse-analysis-input';
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
		const input = randomInput(1);
		expect(parseAnalysisInput(input)).toEqual(input);
	});

	it('rejects a longitude out of range, naming the child and the field', () => {
		const input = randomInput(1);
		input.children[3].home = [200, 51];
		expect(issuesOf(() => parseAnalysisInput(input))).toEqual([
			'children.3.home.0: longitude 200 is outside -180..180'
		]);
	});

	it('rejects a latitude out of range, NaN and a missing coordinate', () => {
		const input = randomInput(1) as unknown as {
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
		const input = randomInput(1) as unknown as {
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
		const input = randomInput(1);
		input.children[0].home = [-1.5, -91];
		expect(() => prepareAnalysis(input)).toThrow(/children\.0\.home\.1: latitude -91 is outside -90\.\.90/);
	});

	it('rejects duplicate URNs and child ids', () => {
		const input = randomInput(1);
		input.homes[2].urn = input.homes[0].urn;
		input.children[5].id = input.children[1].id;
		const issues = issuesOf(() => parseAnalysisInput(input));
		expect(issues).toContain(`homes.2: duplicate URN ${input.homes[0].urn}`);
		expect(issues).toContain(`children.5: duplicate child id ${input.children[1].id}`);
	});
});
