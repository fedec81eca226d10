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

/** ColorBrewer YlGnBu, 5 classes: fostering capacity (more is better, so it reads as "cool"). */
export const fosteringRamp = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

/** ColorBrewer Purples, 4 classes: where children come from (kept apart from the fostering ramp). */
export const hotspotRamp = ['#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'] as const;

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
