/** Metres in a statute mile. */
const METRES_PER_MILE = 1609.344;
/** Equator length in metres (WGS84), over MapLibre's 512-pixel world at zoom 0. */
const EQUATOR_METRES = 40_075_016.686;
const TILE_PIXELS = 512;

const NICE_MILES = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500];

/** Ground metres one CSS pixel covers at this latitude and zoom (Web Mercator). */
export function metresPerPixel(latitude: number, zoom: number): number {
	return (EQUATOR_METRES * Math.cos((latitude * Math.PI) / 180)) / (TILE_PIXELS * 2 ** zoom);
}

/**
 * The longest round distance in miles (the unit of the DfE's 20-mile measure) whose bar fits in
 * `maxPixels`, and its length in pixels; the shortest one when even that does not fit.
 */
export function scaleBar(metresPerPixelAt: number, maxPixels: number): { miles: number; pixels: number } {
	const pixelsFor = (miles: number) => (miles * METRES_PER_MILE) / metresPerPixelAt;
	const fitting = NICE_MILES.filter((miles) => pixelsFor(miles) <= maxPixels);
	const miles = fitting.length > 0 ? fitting[fitting.length - 1] : NICE_MILES[0];
	return { miles, pixels: Math.round(pixelsFor(miles)) };
}
