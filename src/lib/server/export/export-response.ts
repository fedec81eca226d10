import type { Feature, Geometry } from 'geojson';
import { roundGeometry } from '../geojson';
import { CACHE_CONTROL, jsonResponse } from '../json-response';
import type { ExportFormat } from './export-layers';
import { WITHHELD, type ExportTable, type ExportValue } from './export-table';
import { toCsv } from './to-csv';

/**
 * A GeoJSON FeatureCollection of the table: every column a property (a withheld figure null, and named
 * in the feature's `withheld` list so it is not mistaken for a figure nobody has), coordinates rounded
 * to 5 decimal places as the map API's.
 */
export function toFeatureCollection(table: ExportTable) {
	return {
		type: 'FeatureCollection' as const,
		features: table.rows.map((row, id): Feature<Geometry | null> => {
			const properties: Record<string, Exclude<ExportValue, typeof WITHHELD> | string[]> = {};
			const withheld: string[] = [];
			for (const column of table.columns) {
				const value = row.values[column];
				if (value === WITHHELD) withheld.push(column);
				properties[column] = value === WITHHELD ? null : (value ?? null);
			}
			if (withheld.length > 0) properties.withheld = withheld;
			return {
				type: 'Feature',
				id,
				geometry: row.geometry ? roundGeometry(row.geometry) : null,
				properties
			};
		})
	};
}

/**
 * The download: a file named after the RCC and the layer, never kept by a browser or a shared cache
 * (it is what this reader may see: `private, no-store`).
 */
export async function exportResponse(
	table: ExportTable,
	options: { format: ExportFormat; fileStem: string; request: Request }
): Promise<Response> {
	const disposition = `attachment; filename="${options.fileStem}.${options.format}"`;
	if (options.format === 'csv')
		return new Response(toCsv(table), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': disposition,
				'cache-control': CACHE_CONTROL['no-store']
			}
		});
	const response = await jsonResponse(toFeatureCollection(table), {
		request: options.request,
		contentType: 'application/geo+json'
	});
	response.headers.set('content-disposition', disposition);
	return response;
}
