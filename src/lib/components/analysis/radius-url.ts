/** Five decimals (about a metre) are all a click on the map means. */
const round5 = (value: number) => Math.round(value * 1e5) / 1e5;

/** The radius API's address for a circle of `miles` around `center`. */
export function radiusUrl(rccId: string, [lon, lat]: [number, number], miles: number): string {
	const query = new URLSearchParams({
		lon: String(round5(lon)),
		lat: String(round5(lat)),
		miles: String(miles)
	});
	return `/api/rccs/${encodeURIComponent(rccId)}/radius.json?${query}`;
}
