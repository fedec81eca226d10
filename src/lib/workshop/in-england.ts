import type { LonLat } from '../domain/types';

/**
 * England's outline, simplified by hand to 56 corners that err a few miles outwards (into the sea and
 * across the Welsh and Scottish borders by at most about 5 miles): enough to refuse a point in Paris,
 * Glasgow, Dublin or the middle of Wales, never a point on an English coast. WGS84, [longitude, latitude].
 */
const ENGLAND: readonly LonLat[] = [
	[-2.03, 55.83],
	[-1.55, 55.78],
	[-1.2, 55.45],
	[-1.05, 54.95],
	[-0.35, 54.65],
	[0.2, 54.2],
	[0.35, 53.65],
	[0.75, 53.15],
	[1.75, 52.98],
	[1.95, 52.55],
	[1.85, 51.95],
	[1.55, 51.55],
	[1.6, 51.15],
	[1.2, 50.9],
	[0.5, 50.7],
	[-0.5, 50.7],
	[-1.1, 50.55],
	[-1.6, 50.5],
	[-2.5, 50.45],
	[-3.45, 50.15],
	[-4.2, 50.25],
	[-5.1, 49.9],
	[-5.8, 49.9],
	[-6.55, 49.82],
	[-6.55, 50.1],
	[-5.75, 50.3],
	[-4.8, 50.7],
	[-4.6, 51.05],
	[-3.9, 51.25],
	[-3.2, 51.32],
	[-2.85, 51.47],
	[-2.62, 51.6],
	[-2.65, 51.83],
	[-2.95, 51.95],
	[-3.05, 52.1],
	[-3.08, 52.3],
	[-3.2, 52.5],
	[-3.05, 52.68],
	[-3.1, 52.9],
	[-2.85, 52.98],
	[-2.78, 53.02],
	[-2.95, 53.16],
	[-3.05, 53.27],
	[-3.25, 53.45],
	[-3.2, 53.65],
	[-3.4, 53.95],
	[-3.7, 54.45],
	[-3.7, 54.75],
	[-3.35, 54.95],
	[-3.05, 55.01],
	[-2.85, 55.12],
	[-2.62, 55.25],
	[-2.45, 55.37],
	[-2.2, 55.45],
	[-2.3, 55.62],
	[-2.1, 55.72],
	[-2.03, 55.83]
];

/** Whether a point lies in England (the simplified outline above): ray casting, WGS84 as a plane. */
export function inEngland([lon, lat]: LonLat): boolean {
	if (!Number.isFinite(lon) || !Number.isFinite(lat)) return false;
	let inside = false;
	for (let i = 0, j = ENGLAND.length - 1; i < ENGLAND.length; j = i++) {
		const [xi, yi] = ENGLAND[i];
		const [xj, yj] = ENGLAND[j];
		if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}
