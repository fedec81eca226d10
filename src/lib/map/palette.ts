/**
 * Colours for data on the map. Categories use the Okabe-Ito palette and sequences use ColorBrewer
 * ramps that stay distinguishable with the common colour-vision deficiencies; chrome colours are the
 * GOV.UK Design System's.
 */

/** Okabe & Ito (2008), "Color Universal Design". */
export const sectorColours: Record<string, string> = {
	Private: '#E69F00',
	'Local Authority': '#0072B2',
	Voluntary: '#009E73',
	'Health Authority': '#CC79A7'
};
export const otherSectorColour = '#999999';

/**
 * Fostering capacity and demand hotspots are often on together, so they take the two arms of
 * ColorBrewer's PiYG, a diverging scheme chosen to stay apart under the common colour-vision
 * deficiencies: green for capacity (more is better), magenta for where children come from.
 */
/** ColorBrewer BuGn, 5 classes: fostering capacity. */
export const fosteringRamp = ['#edf8fb', '#b2e2e2', '#66c2a4', '#2ca25f', '#006d2c'] as const;

/** ColorBrewer RdPu, 4 classes: where children come from. */
export const hotspotRamp = ['#fcc5c0', '#fa9fb5', '#dd3497', '#7a0177'] as const;

/** Homes drawn per LA (England): one circle each, the colour of the most common sector. */
export const homesPerLaColour = '#E69F00';

export const placementColours = {
	/** Inside the home LA and within 20 miles: context, drawn quietly. */
	near: '#6f777b',
	/** Outside the home LA but within 20 miles. */
	outsideLa: '#0072B2',
	/** More than 20 miles from home (the DfE measure): the ones that stand out. */
	over20Miles: '#D55E00'
} as const;

export const chrome = {
	sea: '#e8eef2',
	land: '#fbfbfa',
	regionLine: '#b1b4b6',
	memberFill: '#ffffff',
	contextFill: '#f3f2f1',
	memberLine: '#505a5f',
	contextLine: '#c8cacc',
	selected: '#0b0c0c',
	focus: '#ffdd00',
	text: '#0b0c0c',
	textHalo: '#ffffff'
} as const;
