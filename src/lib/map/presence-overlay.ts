import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { MapOverlay } from './map-overlay';
import { upsertGeoJsonLayers } from './upsert-geojson-layers';

const SOURCE = 'presence-views';
const LINE = 'presence-views-line';

/** One other person on the map, as the overlay draws them. */
export interface DrawnPerson {
	clientId: number;
	/** "Asha Patel · Kent". */
	label: string;
	colour: string;
	cursor: [number, number] | null;
	/** The corners of what their screen shows. */
	corners: [number, number][] | null;
}

/**
 * Other people on the workshop map: each one's pointer as a labelled arrow (a DOM marker: labels in
 * the page's own font, and no glyph server) and what their screen shows as an outline in their
 * colour. Markers are kept and moved, not rebuilt, as cursors change five times a second each.
 */
export class PresenceOverlay extends MapOverlay {
	#people: DrawnPerson[] = [];
	#frame: number | null = null;
	#drawnOutlines = '';
	readonly #markers = new Map<number, { marker: Marker; label: HTMLElement; element: HTMLElement }>();

	constructor(map: MapLibreMap) {
		super(map, SOURCE);
	}

	/**
	 * Draws at the next frame, once however many updates arrive before it: 30 people moving at 5 Hz
	 * each are 150 updates a second, and the map draws at most 60 frames.
	 */
	show(people: DrawnPerson[]): void {
		this.#people = people;
		if (this.#frame !== null) return;
		this.#frame = requestAnimationFrame(() => {
			this.#frame = null;
			this.#placeMarkers();
			// Outlines change when someone moves their map, pointers far more often: only a change of an
			// outline redraws the map (on software WebGL a redraw of the whole map costs a frame or more).
			const outlines = JSON.stringify(
				this.#people.map((person) => [person.colour, person.label, person.corners])
			);
			if (outlines === this.#drawnOutlines) return;
			this.#drawnOutlines = outlines;
			this.redraw();
		});
	}

	override destroy(): void {
		if (this.#frame !== null) cancelAnimationFrame(this.#frame);
		for (const { marker } of this.#markers.values()) marker.remove();
		this.#markers.clear();
		super.destroy();
	}

	protected isEmpty(): boolean {
		return this.#people.every((person) => !person.corners);
	}

	protected draw(): void {
		const features: GeoJSON.Feature[] = this.#people
			.filter((person) => person.corners)
			.map((person) => ({
				type: 'Feature',
				properties: { colour: person.colour, label: person.label },
				geometry: { type: 'LineString', coordinates: [...person.corners!, person.corners![0]] }
			}));
		upsertGeoJsonLayers(
			this.map,
			SOURCE,
			{ type: 'FeatureCollection', features },
			[
				{
					id: LINE,
					type: 'line',
					paint: { 'line-color': ['get', 'colour'], 'line-width': 3, 'line-dasharray': [2, 1] }
				}
			],
			{ keepOnTop: true }
		);
	}

	#placeMarkers(): void {
		const present = new Set<number>();
		for (const person of this.#people) {
			if (!person.cursor) continue;
			present.add(person.clientId);
			let drawn = this.#markers.get(person.clientId);
			if (!drawn) {
				const element = document.createElement('div');
				element.className = 'presence-cursor';
				element.dataset.clientId = String(person.clientId);
				// Pointers moving five times a second are noise to a screen reader: the who-is-here list and
				// the polite announcements are the accessible way to know who is here.
				element.setAttribute('aria-hidden', 'true');
				element.innerHTML =
					'<svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true"><path d="M1 1 L1 19 L6 14 L10 21 L13 19.5 L9 13 L16 13 Z" stroke="#ffffff" stroke-width="1.5"/></svg>';
				const label = document.createElement('span');
				label.className = 'presence-cursor__label';
				element.append(label);
				const marker = new Marker({ element, anchor: 'top-left' }).setLngLat(person.cursor).addTo(this.map);
				drawn = { marker, label, element };
				this.#markers.set(person.clientId, drawn);
			}
			drawn.marker.setLngLat(person.cursor);
			drawn.element.style.setProperty('--presence-colour', person.colour);
			if (drawn.label.textContent !== person.label) drawn.label.textContent = person.label;
		}
		for (const [clientId, { marker }] of this.#markers) {
			if (present.has(clientId)) continue;
			marker.remove();
			this.#markers.delete(clientId);
		}
	}
}
