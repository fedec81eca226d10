import { describe, expect, it } from 'vitest';
import { radiusUrl } from './radius-url';

describe('radiusUrl', () => {
	it('asks for the circle with the centre rounded to five decimals', () => {
		expect(radiusUrl('gm', [-2.123456789, 53.987654321], 12.5)).toBe(
			'/api/rccs/gm/radius.json?lon=-2.12346&lat=53.98765&miles=12.5'
		);
	});
});
