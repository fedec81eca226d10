/** A layer the reader may download (docs/exports.md), with the links the table view shows. */
export interface ExportLink {
	layer: string;
	/** What the layer is, as the sentence "Download <label> as CSV" reads. */
	label: string;
	csv: string;
	geojson: string;
}

const LAYERS: { layer: string; label: string; perRcc?: boolean; childRecords?: boolean; homes?: boolean }[] =
	[
		{ layer: 'las', label: 'local authorities and their figures' },
		{ layer: 'homes', label: "children's homes", homes: true },
		{ layer: 'hotspots', label: 'demand hotspots' },
		{ layer: 'fostering', label: 'fostering capacity' },
		{ layer: 'gaps', label: 'gaps', perRcc: true },
		{ layer: 'placements', label: "your LA's children's placements", perRcc: true, childRecords: true },
		{ layer: 'scenarios', label: 'workshop scenarios', perRcc: true },
		{ layer: 'notes', label: 'workshop notes', perRcc: true },
		{ layer: 'areas', label: 'workshop areas', perRcc: true }
	];

/**
 * The exports offered to this reader: the server decides (and refuses the rest), the page offers only
 * what it would serve. England has no homes, gaps, placements nor workshop to export; child-level
 * placements go to commissioners of a member LA only.
 */
export function exportLinks(
	rccId: string,
	reader: { england: boolean; ownChildRecords: boolean }
): ExportLink[] {
	const base = `/api/rccs/${encodeURIComponent(rccId)}/export`;
	return LAYERS.filter(
		(entry) =>
			!(reader.england && (entry.perRcc || entry.homes)) && (!entry.childRecords || reader.ownChildRecords)
	).map(({ layer, label }) => ({
		layer,
		label,
		csv: `${base}/${layer}.csv`,
		geojson: `${base}/${layer}.geojson`
	}));
}
