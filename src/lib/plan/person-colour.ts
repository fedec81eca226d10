/**
 * Caret and presence colours: Okabe-Ito's colour-blind-safe set (dark enough for white label text),
 * one per LA so that a region's people are told apart by place, stable across sessions.
 */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8a6d00', '#56407a', '#b03a2e', '#1f6f78'];

export function personColour(key: string): string {
	let hash = 0;
	for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
	return COLOURS[hash % COLOURS.length];
}
