import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-cell';

describe('csvCell', () => {
	it('neutralises cells that a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-2+3')).toBe("'-2+3");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
	});
	it('leaves plain values and numbers as they are, quoting commas and quotes', () => {
		expect(csvCell('Care Homes Ltd')).toBe('Care Homes Ltd');
		expect(csvCell(-2)).toBe('-2');
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell(null)).toBe('');
	});
});
