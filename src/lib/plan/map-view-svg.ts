import type { Geometry } from 'geojson';
import type { AreaSummary } from '../domain/types';
import { per10k } from '../domain/per-10k';
import { classBreaks } from '../map/class-breaks';
import { mapLayers, type LegendItem, type StyleContext, type Swatch } from '../map/layers';
import { chrome, fosteringRamp, otherSectorColour, sectorColours } from '../map/palette';
import { shownFigure } from './figure-text';
import { LAYER_SOURCES, PUBLISHED_LAYERS, type EmbeddableLayer, type MapViewSpec } from './map-view-spec';
import { escapeHtml } from './render-html';
import {
	boundsMeet,
	fitProjection,
	geometryBounds,
	unionBounds,
	type Bounds,
	type SvgProjection
} from './svg-projection';

export interface FrozenBoundary {
	code: string;
	name: string;
	member: boolean;
	population0to17: number | null;
	labelLon: number;
	labelLat: number;
	geometry: Geometry;
}

export interface FrozenHome {
	sector: string;
	places: number;
	lon: number;
	lat: number;
}

/** What a published map view is drawn from: reference data and figures as an anonymous reader sees them. */
export interface MapViewData {
	rccName: string;
	/** Member LAs and their neighbours (context), as the live map's boundaries. */
	boundaries: FrozenBoundary[];
	/** Children's homes of the member LAs (public Ofsted data; locations approximate). */
	homes: FrozenHome[];
	/** Fostering places by LA code (LA-level capacity, not child data). */
	fosteringPlaces: Record<string, number>;
	/** Per member LA, from the summary for no user: every child figure through suppression.ts. */
	las: AreaSummary[];
	/** When the version is published, as shown ("2 December 2026"). */
	frozenOn: string;
}

const WIDTH = 640;
const LABEL_SIZE = 11;

function fosteringColour(value: number | null, breaks: number[]): string | null {
	if (value === null) return null;
	const colours = fosteringRamp.slice(fosteringRamp.length - breaks.length - 1);
	return colours[breaks.filter((lower) => value >= lower).length];
}

function extentBounds(
	spec: MapViewSpec,
	boundaries: FrozenBoundary[]
): { bounds: Bounds | null; name: string } {
	const members = boundaries.filter((la) => la.member);
	const region = () => unionBounds(members.map((la) => geometryBounds(la.geometry)));
	const extent = spec.extent;
	if (extent.kind === 'bounds') return { bounds: extent.bounds, name: 'the area chosen' };
	if (extent.kind === 'la') {
		const la = members.find((candidate) => candidate.code === extent.code);
		if (la) return { bounds: geometryBounds(la.geometry), name: la.name };
	}
	return { bounds: region(), name: '' };
}

function swatchSvg(swatch: Swatch): string {
	const open =
		'<svg class="map-figure__swatch" width="22" height="16" viewBox="0 0 22 16" aria-hidden="true" focusable="false">';
	if (swatch.shape === 'fill')
		return `${open}<rect x="1" y="2" width="20" height="12" fill="${swatch.colour}" stroke="${swatch.outline ?? 'rgba(11,12,12,0.25)'}"/></svg>`;
	if (swatch.shape === 'line')
		return `${open}<line x1="1" y1="8" x2="21" y2="8" stroke="${swatch.colour}" stroke-width="${swatch.width}" stroke-linecap="round"/></svg>`;
	return `${open}<circle cx="11" cy="8" r="${swatch.radius}" fill="${swatch.colour}" stroke="#ffffff" stroke-width="1"/></svg>`;
}

function legendHtml(layers: EmbeddableLayer[], context: StyleContext): string {
	const groups = layers.map((layer) => {
		const definition = mapLayers[layer];
		const items = definition
			.legend(context)
			.map((item: LegendItem) => `<li>${swatchSvg(item.swatch)}<span>${escapeHtml(item.label)}</span></li>`)
			.join('');
		return `<div class="map-figure__legend-group"><p class="map-figure__legend-title">${escapeHtml(definition.title)}</p><ul>${items}</ul></div>`;
	});
	return `<div class="map-figure__legend" role="group" aria-label="Key">${groups.join('')}</div>`;
}

/** Member LAs' names, biggest populations first, skipping any that would overlap one already placed. */
function labels(boundaries: FrozenBoundary[], projection: SvgProjection): string {
	const placed: [number, number, number, number][] = [];
	const out: string[] = [];
	const members = boundaries
		.filter((la) => la.member)
		.sort((a, b) => (b.population0to17 ?? 0) - (a.population0to17 ?? 0));
	for (const la of members) {
		const [x, y] = projection.project(la.labelLon, la.labelLat);
		const halfWidth = (la.name.length * LABEL_SIZE * 0.56) / 2;
		const box: [number, number, number, number] = [x - halfWidth, y - LABEL_SIZE, x + halfWidth, y + 3];
		const outside = box[0] < 0 || box[2] > projection.width || box[1] < 0 || box[3] > projection.height;
		const overlaps = placed.some(
			(other) => box[0] < other[2] && box[2] > other[0] && box[1] < other[3] && box[3] > other[1]
		);
		if (outside || overlaps) continue;
		placed.push(box);
		out.push(`<text x="${x}" y="${y}">${escapeHtml(la.name)}</text>`);
	}
	return `<g class="labels" font-size="${LABEL_SIZE}" text-anchor="middle" fill="${chrome.text}" stroke="${chrome.textHalo}" stroke-width="3" paint-order="stroke" stroke-linejoin="round">${out.join('')}</g>`;
}

function homeRadius(places: number): number {
	return Math.round(Math.min(1.6 + Math.sqrt(Math.max(places, 1)) * 1.1, 6.5) * 10) / 10;
}

function figureTable(
	las: AreaSummary[],
	layers: EmbeddableLayer[],
	per10kByLa: Map<string, number | null>,
	caption: string
): string {
	const columns: { title: string; cell(la: AreaSummary): string }[] = [
		{ title: 'Children looked after', cell: (la) => shownFigure(la.childrenLookedAfter, false) }
	];
	if (layers.includes('homes'))
		columns.push(
			{ title: "Children's homes", cell: (la) => shownFigure(la.homes, false) },
			{ title: 'Places', cell: (la) => shownFigure(la.places, false) }
		);
	if (layers.includes('fostering'))
		columns.push(
			{ title: 'Fostering places', cell: (la) => shownFigure(la.fosteringPlaces, false) },
			{
				title: 'Per 10,000 children',
				cell: (la) => {
					const rate = per10kByLa.get(la.code);
					return rate === null || rate === undefined ? 'no figure' : rate.toLocaleString('en-GB');
				}
			}
		);
	const head = ['Local authority', ...columns.map((column) => column.title)]
		.map((title) => `<th scope="col">${escapeHtml(title)}</th>`)
		.join('');
	const rows = las
		.map(
			(la) =>
				`<tr><th scope="row">${escapeHtml(la.name)}</th>${columns.map((column) => `<td>${escapeHtml(column.cell(la))}</td>`).join('')}</tr>`
		)
		.join('');
	return `<table class="map-figure__table"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * A map view frozen for a published version: an SVG drawn from LA boundaries, LA-level figures and
 * children's homes (public data), with a legend, a caption, a text description and a table of the
 * figures it shows. Nothing child-level is drawn: placement lines are never embeddable and hotspot
 * hexagons stay on the signed-in map (a note says so). `id` makes element ids unique within the page.
 * Returns the figure followed by its table.
 */
export function renderMapViewSvg(spec: MapViewSpec, data: MapViewData, id: string): string {
	const layers = spec.layers.filter((layer) => PUBLISHED_LAYERS.includes(layer));
	const leftOut = spec.layers.filter((layer) => !PUBLISHED_LAYERS.includes(layer));
	const extent = extentBounds(spec, data.boundaries);
	const areaName = extent.name || data.rccName;
	const captionText = spec.caption || `Map of ${areaName}`;
	if (!extent.bounds) {
		return `<figure class="map-figure" id="${id}"><p class="map-figure__missing">The map of ${escapeHtml(areaName)} could not be drawn: no boundaries were found.</p><figcaption>${escapeHtml(captionText)}</figcaption></figure>`;
	}
	// A tall area (one LA, often) is widened to show its neighbours rather than filling a whole page.
	const chosenCode = spec.extent.kind === 'la' ? spec.extent.code : null;
	const projection = fitProjection(extent.bounds, { width: WIDTH, minAspect: 0.5, maxAspect: 0.8 });
	const inView = data.boundaries.filter((la) => {
		const box = geometryBounds(la.geometry);
		return box !== null && boundsMeet(box, projection.bounds);
	});
	const memberPer10k = new Map(
		data.boundaries.map((la) => [la.code, per10k(data.fosteringPlaces[la.code], la.population0to17)])
	);
	const context: StyleContext = {
		fosteringBreaks: classBreaks(
			data.boundaries.filter((la) => la.member).map((la) => memberPer10k.get(la.code)),
			5
		),
		hotspotBreaks: [],
		labelFont: []
	};

	const shapes: string[] = [
		`<rect width="${projection.width}" height="${projection.height}" fill="${chrome.sea}"/>`
	];
	for (const la of inView) {
		const d = projection.polygonPath(la.geometry);
		if (!d) continue;
		const fostering = layers.includes('fostering')
			? fosteringColour(memberPer10k.get(la.code) ?? null, context.fosteringBreaks)
			: null;
		const base = layers.includes('boundaries')
			? la.member
				? chrome.memberFill
				: chrome.contextFill
			: chrome.land;
		const fill = fostering && la.member ? fostering : base;
		const line = la.member ? chrome.memberLine : chrome.contextLine;
		const width = layers.includes('boundaries') ? (la.member ? 1.2 : 0.6) : 0.5;
		shapes.push(
			`<path d="${d}" fill="${fill}" fill-rule="evenodd" stroke="${layers.includes('boundaries') ? line : chrome.regionLine}" stroke-width="${width}" stroke-linejoin="round"/>`
		);
	}
	// The LA the view was made for, outlined over its neighbours' edges (as a selected LA on the map).
	const focus = inView.find((la) => la.code === chosenCode);
	const focusPath = focus ? projection.polygonPath(focus.geometry) : '';
	if (focusPath)
		shapes.push(
			`<path class="focus" d="${focusPath}" fill="none" stroke="${chrome.selected}" stroke-width="2.5" stroke-linejoin="round"/>`
		);
	const homesInView = layers.includes('homes')
		? data.homes
				.map((home) => ({ home, at: projection.project(home.lon, home.lat) }))
				.filter(({ at: [x, y] }) => x >= 0 && y >= 0 && x <= projection.width && y <= projection.height)
				.sort((a, b) => b.home.places - a.home.places)
		: [];
	if (homesInView.length) {
		shapes.push(
			`<g class="homes" stroke="#ffffff" stroke-width="0.6" fill-opacity="0.9">${homesInView
				.map(
					({ home, at: [x, y] }) =>
						`<circle cx="${x}" cy="${y}" r="${homeRadius(home.places)}" fill="${sectorColours[home.sector] ?? otherSectorColour}"/>`
				)
				.join('')}</g>`
		);
	}
	if (layers.includes('boundaries')) shapes.push(labels(inView, projection));

	const titles = layers.map((layer) => mapLayers[layer].title.toLowerCase());
	const listed =
		titles.length > 1 ? `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}` : titles[0];
	// One LA's map tabulates that LA; the region's (or an area's) every member LA in sight.
	const chosen = data.las.filter((la) => la.code === chosenCode);
	const shownLas = chosen.length
		? chosen
		: data.las.filter((la) => inView.some((boundary) => boundary.code === la.code));
	const description = [
		`Map of ${areaName}${focusPath ? ' (outlined in black)' : ''} showing ${listed ?? 'the local authority boundaries'}.`,
		layers.includes('homes')
			? `${homesInView.length.toLocaleString('en-GB')} children's homes drawn as circles sized by places and coloured by sector; locations are approximate, placed inside their local authority, because Ofsted does not publish addresses.`
			: '',
		layers.includes('fostering')
			? 'Local authorities shaded by fostering places per 10,000 children aged 0 to 17.'
			: '',
		'The table below gives the figures for the member local authorities shown.'
	]
		.filter(Boolean)
		.join(' ');
	const notes = [
		`Frozen when this version was published (${data.frozenOn}). Sources: ${(layers.length ? layers : ['boundaries' as const]).map((layer) => LAYER_SOURCES[layer]).join('; ')}. Contains OS data © Crown copyright and database right 2025.`,
		leftOut.includes('hotspots')
			? `Demand hotspots are shown to signed-in members of ${data.rccName} only and are left out of the published version.`
			: ''
	].filter(Boolean);

	const svg =
		`<svg class="map-figure__image" viewBox="0 0 ${projection.width} ${projection.height}" width="${projection.width}" height="${projection.height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" xmlns="http://www.w3.org/2000/svg">` +
		`<title id="${id}-title">${escapeHtml(captionText)}</title>` +
		shapes.join('') +
		'</svg>';
	return (
		`<figure class="map-figure" id="${id}" data-layers="${layers.join(',')}">` +
		`<figcaption><strong>${escapeHtml(captionText)}</strong> <span id="${id}-desc">${escapeHtml(description)}</span></figcaption>` +
		svg +
		legendHtml(layers.length ? layers : ['boundaries'], context) +
		`<p class="map-figure__notes">${notes.map(escapeHtml).join(' ')}</p>` +
		'</figure>' +
		// After the figure, not in it: the figure stays whole on a printed page, a long table may break.
		(shownLas.length
			? figureTable(
					shownLas,
					layers,
					memberPer10k,
					`Figures for the member local authorities in "${captionText}"`
				)
			: '')
	);
}
