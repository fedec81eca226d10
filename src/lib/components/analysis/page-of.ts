export interface PageOf<T> {
	items: T[];
	/** Zero-based, clamped to the pages there are. */
	page: number;
	pages: number;
	/** One-based positions of the first and last item shown ("21 to 40 of 99"); 0 when empty. */
	first: number;
	last: number;
	total: number;
}

/** One page of a list; a page past the end (the list shrank) shows the last page. */
export function pageOf<T>(items: readonly T[], page: number, size: number): PageOf<T> {
	const pages = Math.max(1, Math.ceil(items.length / size));
	const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
	const start = current * size;
	const shown = items.slice(start, start + size);
	return {
		items: shown,
		page: current,
		pages,
		first: shown.length ? start + 1 : 0,
		last: start + shown.length,
		total: items.length
	};
}
