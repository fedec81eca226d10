/**
 * A map from an exact point to a number (an earlier child or demand index): nested maps on the two
 * coordinates, which beats building a string key for each of 100,000 children.
 */
export interface PointMemo {
	get(lon: number, lat: number): number | undefined;
	set(lon: number, lat: number, value: number): void;
}

export function createPointMemo(): PointMemo {
	const byLon = new Map<number, Map<number, number>>();
	return {
		get: (lon, lat) => byLon.get(lon)?.get(lat),
		set(lon, lat, value) {
			let byLat = byLon.get(lon);
			if (!byLat) byLon.set(lon, (byLat = new Map()));
			byLat.set(lat, value);
		}
	};
}
