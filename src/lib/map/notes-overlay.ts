import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { LonLat } from '$lib/domain/types';

export interface NoteMarker {
	id: string;
	location: LonLat;
	text: string;
	resolved: boolean;
}

/**
 * The workshop's discussion pins: one marker per note (a speech-bubble pin, hollow once resolved),
 * named by its text for screen readers; choosing one calls `onChoose` (the list beside the map shows it).
 * HTML markers, not a layer: a few hundred at most (schema.ts's limit), each a button.
 */
export class NotesOverlay {
	readonly #map: MapLibreMap;
	readonly #markers = new Map<string, { marker: Marker; key: string }>();

	constructor(map: MapLibreMap) {
		this.#map = map;
	}

	show(notes: readonly NoteMarker[], onChoose: (id: string) => void): void {
		const wanted = new Set(notes.map((note) => note.id));
		for (const [id, { marker }] of this.#markers) {
			if (!wanted.has(id)) {
				marker.remove();
				this.#markers.delete(id);
			}
		}
		for (const note of notes) {
			const key = JSON.stringify([note.location, note.text, note.resolved]);
			const existing = this.#markers.get(note.id);
			if (existing?.key === key) continue;
			existing?.marker.remove();
			const element = document.createElement('button');
			element.type = 'button';
			element.className = `note-marker${note.resolved ? ' note-marker--resolved' : ''}`;
			element.dataset.note = note.id;
			element.setAttribute('aria-label', `${note.resolved ? 'Resolved note' : 'Note'}: ${note.text}`);
			element.title = note.text;
			// MapLibre positions the marker with an inline transform: the pin's shape is drawn inside it.
			element.append(Object.assign(document.createElement('span'), { className: 'note-marker__pin' }));
			element.addEventListener('click', (event) => {
				event.stopPropagation();
				onChoose(note.id);
			});
			const marker = new Marker({ element, anchor: 'bottom' }).setLngLat(note.location).addTo(this.#map);
			this.#markers.set(note.id, { marker, key });
		}
	}

	destroy(): void {
		for (const { marker } of this.#markers.values()) marker.remove();
		this.#markers.clear();
	}
}
