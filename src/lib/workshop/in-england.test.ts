import { describe, expect, it } from 'vitest';
import { inEngland } from './in-england';

describe('inEngland', () => {
	it.each([
		['Manchester', -2.24, 53.48],
		['Berwick-upon-Tweed', -2.0, 55.77],
		['Penzance', -5.54, 50.12],
		["St Mary's, Scilly", -6.3, 49.92],
		['Ventnor, Isle of Wight', -1.2, 50.59],
		['Lowestoft', 1.75, 52.48],
		['Dover', 1.31, 51.13],
		['Chester', -2.89, 53.19],
		['Oswestry', -3.05, 52.86],
		['Carlisle', -2.93, 54.89],
		['Hereford', -2.72, 52.06]
	])('takes %s', (_name, lon, lat) => {
		expect(inEngland([lon, lat])).toBe(true);
	});

	it.each([
		['Paris', 2.35, 48.86],
		['Calais', 1.86, 50.95],
		['Glasgow', -4.25, 55.86],
		['Edinburgh', -3.19, 55.95],
		['Annan', -3.26, 54.99],
		['Kelso', -2.43, 55.6],
		['Cardiff', -3.18, 51.48],
		['Monmouth', -2.71, 51.81],
		['Wrexham', -2.99, 53.05],
		['Welshpool', -3.15, 52.66],
		['Douglas, Isle of Man', -4.48, 54.15],
		['Dublin', -6.26, 53.35],
		['the null island', 0, 0],
		['not a number', Number.NaN, 53]
	])('refuses %s', (_name, lon, lat) => {
		expect(inEngland([lon, lat])).toBe(false);
	});
});
