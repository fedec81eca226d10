import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { count, optionalCount, optionalUkDate } from './csv-fields';
import { DataFileError } from './data-file-error';
import { parseCsv } from './read-csv';

const schema = z.object({ code: z.string(), children: optionalCount, places: count, date: optionalUkDate });

describe('parseCsv', () => {
	it('reads and converts good rows, blanks and suppression codes as null', () => {
		const rows = parseCsv(
			'good.csv',
			'code,children,places,date,extra\nA,12,3,05/11/2024,x\nB,c,0,,y\nC,,7,,z\n',
			schema
		);
		expect(rows).toEqual([
			{ code: 'A', children: 12, places: 3, date: '2024-11-05' },
			{ code: 'B', children: null, places: 0, date: null },
			{ code: 'C', children: null, places: 7, date: null }
		]);
	});

	it('names the file, line, column and value of a bad row', () => {
		const text = 'code,children,places,date\nA,12,3,\nB,twelve,3,\n';
		expect(() => parseCsv('bad.csv', text, schema)).toThrow(DataFileError);
		expect(() => parseCsv('bad.csv', text, schema)).toThrow(
			'bad.csv, line 3, column "children": expected a whole number or a blank (not published) (value "twelve")'
		);
	});

	it('rejects an impossible date', () => {
		expect(() => parseCsv('dates.csv', 'code,children,places,date\nA,1,1,31/02/2025\n', schema)).toThrow(
			/dates\.csv, line 2, column "date": expected a date as dd\/mm\/yyyy/
		);
	});

	it('names missing columns and rows of the wrong width', () => {
		expect(() => parseCsv('short.csv', 'code,children\nA,1\n', schema)).toThrow(
			'short.csv: missing columns "places", "date"'
		);
		expect(() => parseCsv('wide.csv', 'code,children,places,date\nA,1,2,,extra\n', schema)).toThrow(
			/wide\.csv, line 2/
		);
	});
});
