import type { LayerId } from '../map/layers';

/**
 * What a map view block of a plan shows: its layers, its extent and a caption. Stored in the document as
 * three string attributes (`layers`, `extent`, `caption`) so that y-prosemirror keeps them as plain Yjs
 * attributes and the HTML form (`data-*`) is the same text.
 */

/**
 * Layers a plan may embed. A plan is read by every member LA, and each reader's map draws what that
 * reader may see: placement lines are child-level records of one LA's children (its commissioners only),
 * so they are never embeddable, whatever an attribute says.
 */
export const EMBEDDABLE_LAYERS = [
	'boundaries',
	'fostering',
	'hotspots',
	'homes'
] as const satisfies readonly LayerId[];
export type EmbeddableLayer = (typeof EMBEDDABLE_LAYERS)[number];

/** Layers a published (public) page draws: LA figures and homes; no hotspot hexagons (DESIGN.md). */
export const PUBLISHED_LAYERS: readonly EmbeddableLayer[] = ['boundaries', 'fostering', 'homes'];

/** Where each embeddable layer's data comes from, said under the map. */
export const LAYER_SOURCES: Record<EmbeddableLayer, string> = {
	boundaries: 'boundaries from the Office for National Statistics',
	fostering: 'fostering capacity from Ofsted, Fostering in England 2023-24',
	hotspots: "demand hotspots from the member LAs' children looked after (areas of 5 or more children)",
	homes: "children's homes from Ofsted at 31 March 2025 (locations approximate)"
};

export type MapExtent =
	| { kind: 'region' }
	| { kind: 'la'; code: string }
	/** [west, south, east, north] in degrees (WGS84). */
	| { kind: 'bounds'; bounds: [number, number, number, number] };

export interface MapViewSpec {
	/** In drawing order (EMBEDDABLE_LAYERS' order), without repeats; never empty. */
	layers: EmbeddableLayer[];
	extent: MapExtent;
	caption: string;
}

export const MAX_CAPTION_LENGTH = 300;

export const DEFAULT_MAP_VIEW: MapViewSpec = {
	layers: ['boundaries', 'homes'],
	extent: { kind: 'region' },
	caption: ''
};

/** ONS codes of upper-tier LAs: E06, E08, E09, E10 and E11 followed by six digits. */
const LA_CODE = /^E(06|08|09|10|11)\d{6}$/;

export function isEmbeddableLayer(value: unknown): value is EmbeddableLayer {
	return typeof value === 'string' && (EMBEDDABLE_LAYERS as readonly string[]).includes(value);
}

/** Layers from their stored text ("boundaries,homes"): unknown and child-level ones dropped. */
export function parseLayers(value: unknown): EmbeddableLayer[] {
	const listed = typeof value === 'string' ? value.split(',').map((entry) => entry.trim()) : [];
	return EMBEDDABLE_LAYERS.filter((layer) => listed.includes(layer));
}

function validBounds(numbers: number[]): numbers is [number, number, number, number] {
	if (numbers.length !== 4 || !numbers.every(Number.isFinite)) return false;
	const [west, south, east, north] = numbers;
	return west >= -180 && east <= 180 && south >= -85 && north <= 85 && west < east && south < north;
}

/** The extent from its stored text: "region", an LA's ONS code, or "bounds:west,south,east,north". */
export function parseExtent(value: unknown): MapExtent | null {
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (text === 'region') return { kind: 'region' };
	if (LA_CODE.test(text.toUpperCase())) return { kind: 'la', code: text.toUpperCase() };
	const bounds = /^bounds:(.+)$/.exec(text);
	if (bounds) {
		const numbers = bounds[1].split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
		if (validBounds(numbers)) return { kind: 'bounds', bounds: numbers };
	}
	return null;
}

export function formatExtent(extent: MapExtent): string {
	if (extent.kind === 'region') return 'region';
	if (extent.kind === 'la') return extent.code;
	return `bounds:${extent.bounds.join(',')}`;
}

export function formatLayers(layers: readonly EmbeddableLayer[]): string {
	return EMBEDDABLE_LAYERS.filter((layer) => layers.includes(layer)).join(',');
}

/** Control characters out, runs of spaces folded, cut to MAX_CAPTION_LENGTH. */
export function cleanCaption(value: unknown): string {
	if (typeof value !== 'string') return '';
	return (
		value
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f]+/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
			.slice(0, MAX_CAPTION_LENGTH)
	);
}

/**
 * A map view's attributes as they came (another client, an old document, pasted HTML): anything not
 * understood falls back to a safe default instead of breaking the editor or the published page. No layer
 * left (or only child-level ones) reads as the boundaries, which every reader may see.
 */
export function readMapView(attrs: Record<string, unknown> | null | undefined): MapViewSpec {
	const layers = parseLayers(attrs?.layers);
	return {
		layers: layers.length ? layers : ['boundaries'],
		extent: parseExtent(attrs?.extent) ?? DEFAULT_MAP_VIEW.extent,
		caption: cleanCaption(attrs?.caption)
	};
}

/** The attributes stored for a spec: the inverse of readMapView. */
export function mapViewAttrs(spec: MapViewSpec): { layers: string; extent: string; caption: string } {
	return {
		layers: formatLayers(spec.layers),
		extent: formatExtent(spec.extent),
		caption: cleanCaption(spec.caption)
	};
}

export interface MapViewFormErrors {
	layers?: string;
	extent?: string;
	caption?: string;
}

/**
 * Checks what the insert dialog holds (GOV.UK error messages: say what to do). `memberCodes` are the
 * RCC's LAs: the extent must be the region or one of them.
 */
export function checkMapViewForm(
	form: { layers: readonly string[]; extent: string; caption: string },
	memberCodes: readonly string[]
): { spec: MapViewSpec; errors: null } | { spec: null; errors: MapViewFormErrors } {
	const errors: MapViewFormErrors = {};
	const layers = EMBEDDABLE_LAYERS.filter((layer) => form.layers.includes(layer));
	if (layers.length === 0) errors.layers = 'Select at least one layer to show';
	const extent = parseExtent(form.extent);
	if (!extent || (extent.kind === 'la' && !memberCodes.includes(extent.code)))
		errors.extent = 'Select the whole region or one of its local authorities';
	if (form.caption.length > MAX_CAPTION_LENGTH)
		errors.caption = `Caption must be ${MAX_CAPTION_LENGTH} characters or fewer`;
	if (Object.keys(errors).length || !extent) return { spec: null, errors };
	return { spec: { layers, extent, caption: cleanCaption(form.caption) }, errors: null };
}
