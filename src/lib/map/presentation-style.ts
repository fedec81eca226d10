import type { ExpressionSpecification } from 'maplibre-gl';
import { chrome } from './palette';

/** A paint or layout property that presentation mode sets on one style layer. */
export interface StyleOverride {
	layer: string;
	kind: 'paint' | 'layout';
	property: string;
	value: unknown;
}

const member: ExpressionSpecification = ['get', 'member'];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const perFeature = (value: number | string): ExpressionSpecification => ['case', member, value, value];

/**
 * Presentation mode, for a shared screen at the back of a room: the same colour-blind-safe colours
 * (Okabe-Ito, ColorBrewer) at full strength, black outlines round everything that carries a value,
 * thicker lines and larger labels. Data-driven values stay data-driven so that no new shader program is
 * compiled (layers.ts explains why that matters on software WebGL).
 */
export const presentationOverrides: StyleOverride[] = [
	{
		layer: 'la-line',
		kind: 'paint',
		property: 'line-color',
		value: ['case', member, chrome.text, '#6f777b']
	},
	{ layer: 'la-line', kind: 'paint', property: 'line-width', value: ['case', member, 2.5, 1] },
	{ layer: 'fostering-fill', kind: 'paint', property: 'fill-opacity', value: ['case', member, 1, 0.45] },
	{ layer: 'hotspots-fill', kind: 'paint', property: 'fill-opacity', value: perFeature(0.95) },
	{ layer: 'placements-flow', kind: 'paint', property: 'line-opacity', value: perFeature(0.95) },
	{ layer: 'homes-circle', kind: 'paint', property: 'circle-opacity', value: 1 },
	{
		layer: 'homes-circle',
		kind: 'paint',
		property: 'circle-stroke-color',
		value: ['case', selected, chrome.focus, chrome.text]
	},
	{
		layer: 'homes-circle',
		kind: 'paint',
		property: 'circle-stroke-width',
		value: ['case', selected, 4, 1.5]
	},
	{ layer: 'homes-la-circle', kind: 'paint', property: 'circle-opacity', value: 1 },
	{ layer: 'homes-la-circle', kind: 'paint', property: 'circle-stroke-color', value: chrome.text },
	{
		layer: 'la-labels',
		kind: 'layout',
		property: 'text-size',
		value: ['interpolate', ['linear'], ['zoom'], 6, 16, 10, 22]
	},
	{ layer: 'la-labels', kind: 'paint', property: 'text-halo-width', value: 2.5 }
];
