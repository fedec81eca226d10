import { describe, expect, it } from 'vitest';
import { gapMapView } from './gap-map-view';

describe('gapMapView', () => {
	it('frames the hexagon with room around it and says what the gap is, without the own-LA share', () => {
		const ring: [number, number][] = [
			[-2.3, 53.4],
			[-2.2, 53.4],
			[-2.2, 53.5],
			[-2.3, 53.5],
			[-2.3, 53.4]
		];
		const spec = gapMapView({ rank: 2, children: 15, ring, ownChildren: 3 } as never);
		expect(spec.extent).toEqual({ kind: 'bounds', bounds: [-2.35, 53.35, -2.15, 53.55] });
		expect(spec.layers).toEqual(['boundaries', 'hotspots', 'homes']);
		expect(spec.caption).toBe(
			'Gap 2: 15 children placed over 20 miles from home with no suitable vacancy within 20 miles'
		);
		expect(spec.caption).not.toContain('3');
	});
});
