/**
 * The map's layers as data: what each toggle draws (MapLibre style layers, in drawing order), how it
 * is described in the legend, and which style layers answer clicks. The controller adds these once and
 * only switches visibility and data-driven paint afterwards.
 */
import type {
	ExpressionSpecification,
	LayerSpecification,
	DataDrivenPropertyValueSpecification
} from 'maplibre-gl';
import {
	chrome,
	fosteringRamp,
	homesPerLaColour,
	hotspotRamp,
	otherSectorColour,
	placementColours,
	sectorColours
} from './palette';

export const layerIds = ['boundaries', 'fostering', 'hotspots', 'placements', 'homes'] as const;
export type LayerId = (typeof layerIds)[number];

export type SourceId =
	'regions' | 'boundaries' | 'la-labels' | 'homes' | 'hotspots' | 'placements' | 'placement-flows';

export type Swatch =
	| { shape: 'fill'; colour: string; outline?: string }
	| { shape: 'line'; colour: string; width: number }
	| { shape: 'circle'; colour: string; radius: number };

export interface LegendItem {
	label: string;
	swatch: Swatch;
}

/** Data-dependent parts of the style: class breaks computed from what was loaded. */
export interface StyleContext {
	fosteringBreaks: number[];
	hotspotBreaks: number[];
	/** Font stack for labels; drawn in the browser (TinySDF) when the style has no glyphs URL. */
	labelFont: string[];
	/** Drawn over a real basemap (PUBLIC_BASEMAP_STYLE): areas stay see-through so it shows. */
	basemap?: boolean;
	/** Where homes are drawn per LA (England): the totals drawn, which are the sidebar's. */
	homesPerLa?: { homes: number; places: number };
	/** Average area of a hotspot hexagon, in km² (it differs between a region's map and England's). */
	hotspotCellKm2?: number;
}

export const emptyStyleContext: StyleContext = { fosteringBreaks: [], hotspotBreaks: [], labelFont: [] };

/**
 * Fostering places per 10,000 children: England's quintiles (2025 data, rounded), the same on every
 * map so that a colour means the same rate on a region's map as on England's.
 */
export const FOSTERING_BREAKS = [40, 55, 65, 80];

export interface MapLayerDefinition {
	id: LayerId;
	title: string;
	description: string;
	defaultVisible: boolean;
	/** Style layers this toggle shows and hides. */
	styleLayerIds: string[];
	/** Style layers whose features are counted as "drawn" by the test hook and the benchmark. */
	countedStyleLayerIds: string[];
	legend(context: StyleContext): LegendItem[];
	/** What the key says under the items: how its classes were chosen, when that differs between maps. */
	legendNote?: (context: StyleContext) => string | null;
	/** Said in the legend when the layer has nothing to draw for this user (access rules, privacy). */
	emptyNote: string;
}

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/**
 * A constant written as a per-feature expression. MapLibre compiles one shader program per layer type
 * and per set of data-driven properties, and on software WebGL each compile costs a few hundred
 * milliseconds; writing every fill's and every line's colour, width and opacity per feature lets all
 * fills share one program and all lines another (measured: about a second less until idle).
 */
function perFeature<T extends string | number>(value: T): ExpressionSpecification {
	return ['case', ['has', 'sharedShaderProgram'], value, value];
}

function stepColours(property: string, ramp: readonly string[], breaks: number[]): ExpressionSpecification {
	const colours = ramp.slice(ramp.length - breaks.length - 1);
	// A step with no stops is not a valid expression: one class is one colour.
	if (breaks.length === 0) return perFeature(colours[0]);
	const stops: (number | string)[] = [];
	breaks.forEach((value, index) => stops.push(value, colours[index + 1]));
	return ['step', ['coalesce', ['get', property], 0], colours[0], ...stops] as ExpressionSpecification;
}

/** Legend text for the classes of a `step` expression: "under 40 places", "40 to under 50 places"... */
export function rangeLabels(breaks: number[], unit: string): string[] {
	if (breaks.length === 0) return [`Any number of ${unit}`];
	const labels = [`Under ${breaks[0]} ${unit}`];
	for (let i = 1; i < breaks.length; i++) labels.push(`${breaks[i - 1]} to under ${breaks[i]} ${unit}`);
	labels.push(`${breaks[breaks.length - 1]} or more ${unit}`);
	return labels;
}

/** Circle radius in pixels: area grows with places, and everything grows as you zoom in. */
const homeRadius: DataDrivenPropertyValueSpecification<number> = [
	'interpolate',
	['linear'],
	['zoom'],
	6,
	['interpolate', ['linear'], ['sqrt', ['coalesce', ['get', 'places'], 1]], 1, 2.5, 6.5, 7],
	12,
	['interpolate', ['linear'], ['sqrt', ['coalesce', ['get', 'places'], 1]], 1, 6, 6.5, 16]
];

const sectorColour: ExpressionSpecification = [
	'match',
	['get', 'sector'],
	...Object.entries(sectorColours).flat(),
	otherSectorColour
] as unknown as ExpressionSpecification;

/** Every style layer in drawing order, bottom first. `owner` is the toggle that shows it (base: always). */
export function styleLayers(context: StyleContext): { owner: LayerId | 'base'; spec: LayerSpecification }[] {
	return [
		{
			owner: 'base',
			spec: {
				id: 'regions-fill',
				type: 'fill',
				source: 'regions',
				// Edges come from the line layers; antialiased fills cost an extra pass on software WebGL.
				paint: {
					'fill-color': perFeature(chrome.land),
					'fill-opacity': perFeature(1),
					'fill-antialias': false
				}
			}
		},
		{
			owner: 'boundaries',
			spec: {
				id: 'la-fill',
				type: 'fill',
				source: 'boundaries',
				paint: {
					'fill-color': ['case', ['get', 'member'], chrome.memberFill, chrome.contextFill],
					// Over a basemap the fill only catches clicks (a fill with no opacity is still picked).
					'fill-opacity': perFeature(context.basemap ? 0.15 : 0.9),
					'fill-antialias': false
				}
			}
		},
		{
			owner: 'fostering',
			spec: {
				id: 'fostering-fill',
				type: 'fill',
				source: 'boundaries',
				paint: {
					'fill-color': stepColours('fosteringPlacesPer10k', fosteringRamp, context.fosteringBreaks),
					'fill-opacity': ['case', ['get', 'member'], 0.85, 0.35],
					'fill-antialias': false
				}
			}
		},
		{
			owner: 'hotspots',
			spec: {
				id: 'hotspots-fill',
				type: 'fill',
				source: 'hotspots',
				paint: {
					'fill-color': stepColours('children', hotspotRamp, context.hotspotBreaks),
					// Over the fostering fill the hexagons must still read as their own colour.
					'fill-opacity': perFeature(0.75),
					'fill-antialias': false
				}
			}
		},
		{
			owner: 'base',
			spec: {
				id: 'regions-line',
				type: 'line',
				source: 'regions',
				paint: {
					'line-color': perFeature(chrome.regionLine),
					'line-width': perFeature(1),
					'line-opacity': perFeature(1)
				}
			}
		},
		{
			owner: 'boundaries',
			spec: {
				id: 'la-line',
				type: 'line',
				source: 'boundaries',
				paint: {
					'line-color': ['case', ['get', 'member'], chrome.memberLine, chrome.contextLine],
					'line-width': ['case', ['get', 'member'], 1.2, 0.6],
					'line-opacity': perFeature(1)
				}
			}
		},
		{
			owner: 'placements',
			spec: {
				id: 'placements-flow',
				type: 'line',
				source: 'placement-flows',
				layout: { 'line-cap': 'round', 'line-sort-key': ['get', 'sortKey'] },
				paint: {
					'line-color': [
						'case',
						['get', 'over20Miles'],
						placementColours.over20Miles,
						placementColours.outsideLa
					],
					// Width by children: area-like growth, so one flow of 40 does not drown ten of 4.
					'line-width': ['interpolate', ['linear'], ['sqrt', ['get', 'children']], 1, 1.5, 10, 14],
					'line-opacity': perFeature(0.7)
				}
			}
		},
		{
			// Drawn with the boundaries and also while only the fostering layer is on, so a clicked LA
			// is outlined whichever layer it was chosen on.
			owner: 'base',
			spec: {
				id: 'la-selected-line',
				type: 'line',
				source: 'boundaries',
				paint: {
					'line-color': perFeature(chrome.selected),
					'line-width': perFeature(3),
					'line-opacity': ['case', selected, 1, 0]
				}
			}
		},
		{
			owner: 'homes',
			spec: {
				id: 'homes-circle',
				type: 'circle',
				source: 'homes',
				layout: { 'circle-sort-key': ['coalesce', ['get', 'places'], 1] },
				paint: {
					'circle-color': sectorColour,
					'circle-radius': homeRadius,
					'circle-opacity': 0.85,
					'circle-stroke-color': ['case', selected, chrome.selected, '#ffffff'],
					'circle-stroke-width': ['case', selected, 3, 0.8]
				}
			}
		},
		{
			owner: 'homes',
			spec: {
				id: 'homes-la-circle',
				type: 'circle',
				source: 'la-labels',
				filter: ['has', 'homePlaces'],
				paint: {
					'circle-color': homesPerLaColour,
					// Area by places: 400 places (the largest LAs) about 18 px across at England's zoom.
					'circle-radius': [
						'interpolate',
						['linear'],
						['zoom'],
						5,
						['*', 0.45, ['sqrt', ['coalesce', ['get', 'homePlaces'], 0]]],
						9,
						['*', 1.2, ['sqrt', ['coalesce', ['get', 'homePlaces'], 0]]]
					],
					'circle-opacity': 0.75,
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': 0.8
				}
			}
		},
		{
			owner: 'boundaries',
			spec: {
				id: 'la-labels',
				type: 'symbol',
				source: 'la-labels',
				layout: {
					'text-field': ['get', 'name'],
					'text-font': context.labelFont,
					'text-size': ['interpolate', ['linear'], ['zoom'], 6, 11, 10, 14],
					'text-max-width': 7,
					'text-padding': 3,
					// Bigger populations win when labels collide; collision keeps labels from overlapping.
					'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'population0to17'], 0]]
				},
				paint: {
					'text-color': chrome.text,
					'text-halo-color': chrome.textHalo,
					'text-halo-width': 1.6
				}
			}
		}
	];
}

export const mapLayers: Record<LayerId, MapLayerDefinition> = {
	boundaries: {
		id: 'boundaries',
		title: 'Local authority boundaries',
		description: 'Member LAs outlined and named; neighbouring LAs in grey for context.',
		emptyNote: 'No boundaries to show.',
		defaultVisible: true,
		styleLayerIds: ['la-fill', 'la-line', 'la-labels'],
		countedStyleLayerIds: ['la-fill'],
		legend: () => [
			{
				label: 'Member LA',
				swatch: { shape: 'fill', colour: chrome.memberFill, outline: chrome.memberLine }
			},
			{
				label: 'Neighbouring LA',
				swatch: { shape: 'fill', colour: chrome.contextFill, outline: chrome.contextLine }
			}
		]
	},
	homes: {
		id: 'homes',
		title: "Children's homes",
		description:
			"Sized by places, coloured by sector; locations are approximate (Ofsted redacts addresses). England's map counts them per LA: each home is on the map of the RCCs you work in.",
		emptyNote: 'No homes to show: homes are on the maps of the RCCs you work in.',
		defaultVisible: true,
		styleLayerIds: ['homes-circle', 'homes-la-circle'],
		countedStyleLayerIds: ['homes-circle', 'homes-la-circle'],
		legend: (context) => {
			if (context.homesPerLa) {
				const { homes, places } = context.homesPerLa;
				const count = (n: number) => n.toLocaleString('en-GB');
				return [
					{
						label: `One circle per LA, area by places in its homes (${count(homes)} homes, ${count(places)} places in all)`,
						swatch: { shape: 'circle', colour: homesPerLaColour, radius: 6 }
					}
				];
			}
			return Object.entries(sectorColours).map(([sector, colour]) => ({
				label: sector,
				swatch: { shape: 'circle', colour, radius: 5 }
			}));
		}
	},
	fostering: {
		id: 'fostering',
		title: 'Fostering capacity',
		description: 'Fostering places per 10,000 children aged 0 to 17, by LA.',
		emptyNote: 'No fostering figures to show.',
		defaultVisible: false,
		styleLayerIds: ['fostering-fill'],
		countedStyleLayerIds: ['fostering-fill'],
		legendNote: () => "Per 10,000 children aged 0 to 17; classes are England's quintiles on every map.",
		legend: (context) => {
			const colours = fosteringRamp.slice(fosteringRamp.length - context.fosteringBreaks.length - 1);
			return rangeLabels(context.fosteringBreaks, 'places').map((label, index) => ({
				label,
				swatch: { shape: 'fill', colour: colours[index] }
			}));
		}
	},
	hotspots: {
		id: 'hotspots',
		title: 'Demand hotspots',
		description:
			'Where children in care come from: their home areas, counted in hexagons of 5 or more children.',
		emptyNote: 'No area holds 5 or more children, or your account does not see them.',
		defaultVisible: false,
		styleLayerIds: ['hotspots-fill'],
		countedStyleLayerIds: ['hotspots-fill'],
		// Hexagons are larger on England's map, so the classes are each map's and the key says the size.
		legendNote: (context) =>
			context.hotspotCellKm2
				? `Children per hexagon of about ${Math.round(context.hotspotCellKm2)} km²; classes are this map's quartiles.`
				: null,
		legend: (context) => {
			const colours = hotspotRamp.slice(hotspotRamp.length - context.hotspotBreaks.length - 1);
			return rangeLabels(context.hotspotBreaks, 'children').map((label, index) => ({
				label,
				swatch: { shape: 'fill', colour: colours[index] }
			}));
		}
	},
	placements: {
		id: 'placements',
		title: 'Placements',
		description:
			"Your LA's children placed outside it, as flows from your LA to the LA they live in, wider for more children. Click an LA or a hotspot for each child's line.",
		emptyNote: "No placements to show: commissioners see the placements of their own LA's children.",
		defaultVisible: false,
		styleLayerIds: ['placements-flow'],
		countedStyleLayerIds: ['placements-flow'],
		legend: () => [
			{
				label: 'Over 20 miles from home',
				swatch: { shape: 'line', colour: placementColours.over20Miles, width: 3 }
			},
			{
				label: 'Outside the home LA, within 20 miles',
				swatch: { shape: 'line', colour: placementColours.outsideLa, width: 3 }
			},
			{
				label: 'Width: 1 child to 100 or more',
				swatch: { shape: 'line', colour: placementColours.outsideLa, width: 6 }
			}
		]
	}
};

/** Style layers that open the details panel when clicked, topmost first. */
export const clickableStyleLayerIds = {
	home: ['homes-circle'],
	cell: ['hotspots-fill'],
	la: ['la-fill', 'fostering-fill']
} as const;
