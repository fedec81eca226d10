/** The kinds of numbered marker: their classes (app.css styles them: they live in MapLibre's DOM). */
export type NumberMarkerKind = 'vacancy-candidate-marker' | 'proposed-home-marker';

/**
 * A round, numbered marker's element, the number being its place in the list beside the map (a
 * vacancy found for a child, a proposed home), named for screen readers.
 */
export function numberMarkerElement(kind: NumberMarkerKind, number: number, label: string): HTMLDivElement {
	const element = document.createElement('div');
	element.className = `number-marker ${kind}`;
	element.setAttribute('role', 'img');
	numberMarker(element, number, label);
	return element;
}

/** Numbers and names a marker again (the list was reordered or shortened). */
export function numberMarker(element: HTMLElement, number: number, label: string): void {
	element.textContent = String(number);
	element.setAttribute('aria-label', label);
}
