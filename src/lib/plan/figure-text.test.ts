import { describe, expect, it } from 'vitest';
import type { AreaSummary, RccSummary } from '../domain/types';
import { figureSource, figureValue, isFigureMetric } from './figure-text';

function area(code: string, name: string, over20: number | null, suppressed = false): AreaSummary {
	const none = { computed: null, published: null };
	return {
		code,
		name,
		childrenLookedAfter: { computed: 1234, published: 1200 },
		percentOutsideLa: none,
		percentOver20Miles: { computed: over20, published: 30, suppressed },
		homes: { computed: 3, published: null, suppressed: true },
		places: none,
		vacancies: none,
		fosteringPlaces: none
	};
}

const summary: RccSummary = {
	rcc: { id: 'se', name: 'South East', isDemo: true },
	las: [area('E10000016', 'Kent', 31.4), area('E06000035', 'Medway', null, true)],
	region: area('se', 'South East', 27.6),
	sources: ['DfE']
};

describe('figureValue', () => {
	it('reads an LA percentage as the issue words it', () => {
		const figure = figureValue(summary, { area: 'E10000016', metric: 'percentOver20Miles' });
		expect(figure.text).toBe('Kent: 31% of children placed over 20 miles from home');
		expect(figure.value).toBe(31);
	});

	it('names the region after the RCC and formats counts with separators', () => {
		expect(figureValue(summary, { area: 'region', metric: 'childrenLookedAfter' }).text).toBe(
			'South East: 1,234 children looked after'
		);
	});

	it('never shows a number the server withheld', () => {
		const share = figureValue(summary, { area: 'E06000035', metric: 'percentOver20Miles' });
		expect(share).toMatchObject({ value: null, suppressed: true });
		expect(share.text).toBe('Medway: a withheld share of children placed over 20 miles from home');
		expect(figureValue(summary, { area: 'E10000016', metric: 'homes' }).text).toBe(
			"Kent: fewer than 5 children's homes"
		);
	});

	it('says so when the LA is not a member', () => {
		expect(figureValue(summary, { area: 'E09000001', metric: 'homes' }).value).toBeNull();
	});

	it('knows its metrics', () => {
		expect(isFigureMetric('percentOver20Miles')).toBe(true);
		expect(isFigureMetric('toString')).toBe(false);
	});
});

describe('figureSource', () => {
	const sources = [
		'Office for National Statistics: boundaries (December 2024). OGL v3.0.',
		'Department for Education: Children looked after in England including adoptions, 2025. OGL v3.0.',
		"Ofsted: Children's social care data in England 2025, provider-level data as at 31 March 2025. OGL v3.0.",
		'Ofsted: Fostering in England 2023-24 (national totals). OGL v3.0.'
	];
	it('names the publisher and year of the source of each figure', () => {
		expect(figureSource(sources, 'percentOver20Miles')?.short).toBe('Department for Education 2025');
		expect(figureSource(sources, 'places')?.short).toBe('Ofsted 2025');
		expect(figureSource(sources, 'fosteringPlaces')?.short).toBe('Ofsted 2023-24');
		expect(figureSource([], 'homes')).toBeNull();
	});
});
