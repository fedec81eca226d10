import { describe, expect, it } from 'vitest';
import { postcodeSector } from './postcode-sector';

describe('postcodeSector', () => {
	it('reads sectors with or without the space, in any case', () => {
		expect(postcodeSector('M14 5')).toEqual({ sector: 'M14 5', wasFullPostcode: false });
		expect(postcodeSector('m145')).toEqual({ sector: 'M14 5', wasFullPostcode: false });
		expect(postcodeSector(' SW1A  1 ')).toEqual({ sector: 'SW1A 1', wasFullPostcode: false });
	});
	it('cuts a full postcode to its sector', () => {
		expect(postcodeSector('M14 5AB')).toEqual({ sector: 'M14 5', wasFullPostcode: true });
		expect(postcodeSector('EC1A1BB')).toEqual({ sector: 'EC1A 1', wasFullPostcode: true });
	});
	it('refuses what is no postcode', () => {
		for (const text of ['', 'M', '14 5', 'MANCHESTER', 'M14 55', '=1+1'])
			expect(postcodeSector(text)).toBeNull();
	});
});
