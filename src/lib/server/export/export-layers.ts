import { fosteringExport, homesExport, lasExport } from './area-layers';
import { gapsExport, hotspotsExport, placementsExport } from './child-layers';
import type { ExportLayer } from './export-table';
import { areasExport, notesExport, scenariosExport } from './workshop-layers';

/** Every layer `GET /api/rccs/:id/export/<layer>.{csv,geojson}` serves (docs/exports.md). */
export const exportLayers = {
	las: lasExport,
	fostering: fosteringExport,
	homes: homesExport,
	hotspots: hotspotsExport,
	gaps: gapsExport,
	placements: placementsExport,
	scenarios: scenariosExport,
	notes: notesExport,
	areas: areasExport
} satisfies Record<string, ExportLayer>;

export type ExportLayerName = keyof typeof exportLayers;
export const exportLayerNames = Object.keys(exportLayers) as ExportLayerName[];
export const exportFormats = ['csv', 'geojson'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** `<layer>.<format>` -> its parts, or null for a file the API does not serve. */
export function parseExportFile(file: string): { layer: ExportLayerName; format: ExportFormat } | null {
	const match = /^([a-z]+)\.([a-z]+)$/.exec(file);
	if (!match) return null;
	const [, layer, format] = match;
	if (!Object.hasOwn(exportLayers, layer) || !(exportFormats as readonly string[]).includes(format))
		return null;
	return { layer: layer as ExportLayerName, format: format as ExportFormat };
}
