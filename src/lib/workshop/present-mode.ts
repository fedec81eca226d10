/** Presentation mode is `/rcc/<id>?present` (DESIGN.md): any value, or none, turns it on. */
export function isPresentMode(url: URL): boolean {
	return url.searchParams.has('present');
}

/** The same page with presentation mode on or off, other parameters (a linked focus) kept. */
export function presentModeHref(url: URL, on: boolean): string {
	const next = new URL(url);
	if (on) next.searchParams.set('present', '');
	else next.searchParams.delete('present');
	// `?present=` reads worse in the address bar than the documented `?present`.
	return next.pathname + next.search.replace(/([?&]present)=(?=&|$)/, '$1') + next.hash;
}

/** Keys that step scenes in presentation mode: arrows, and the PageUp/PageDown a presentation clicker sends. */
export function sceneStepForKey(key: string): 1 | -1 | null {
	if (key === 'ArrowRight' || key === 'PageDown') return 1;
	if (key === 'ArrowLeft' || key === 'PageUp') return -1;
	return null;
}
