import { diffRows, insertBatches, type KindContext, type KindImport } from './import-kind';
import { postcodeSector } from './postcode-sector';

/** The ONS postcode directory's columns used: postcode, latitude, longitude, date of termination. */
export const POSTCODE_SECTOR_COLUMNS = ['pcds', 'lat', 'long', 'doterm'] as const;

/** ONSPD writes this latitude for a postcode with no grid reference. */
const NO_GRID_LATITUDE = 99.999999;

interface Sector {
	lon: number;
	lat: number;
	postcodes: number;
}

const same = (a: Sector, b: Sector) => a.lon === b.lon && a.lat === b.lat && a.postcodes === b.postcodes;

/**
 * Postcode-sector centroids from the ONS postcode directory (ONSPD, one row per postcode): the mean
 * position of each sector's live postcodes. Replaces the whole table (it belongs to no LA).
 */
export async function postcodeSectorsImport(context: KindContext): Promise<KindImport> {
	const { sql, problems } = context;
	const sums = new Map<string, { lon: number; lat: number; n: number }>();
	return {
		columns: POSTCODE_SECTOR_COLUMNS,
		add({ row, cells }) {
			const sector = postcodeSector(cells.pcds);
			if (!sector || !sector.wasFullPostcode) {
				problems.error({
					row,
					column: 'pcds',
					value: cells.pcds,
					problem: 'not a postcode',
					fix: 'use the ONS postcode directory\'s pcds column, e.g. "M14 5AB"'
				});
				return;
			}
			if (cells.doterm.trim() !== '') return;
			const lat = Number(cells.lat);
			const lon = Number(cells.long);
			if (lat === NO_GRID_LATITUDE) return;
			if (cells.lat.trim() === '' || !Number.isFinite(lat) || lat < 49 || lat > 61) {
				problems.error({
					row,
					column: 'lat',
					value: cells.lat,
					problem: 'not a latitude in the UK',
					fix: "use the directory's lat column (decimal degrees, WGS84)"
				});
				return;
			}
			if (cells.long.trim() === '' || !Number.isFinite(lon) || lon < -9 || lon > 3) {
				problems.error({
					row,
					column: 'long',
					value: cells.long,
					problem: 'not a longitude in the UK',
					fix: "use the directory's long column (decimal degrees, WGS84)"
				});
				return;
			}
			const sum = sums.get(sector.sector) ?? { lon: 0, lat: 0, n: 0 };
			sum.lon += lon;
			sum.lat += lat;
			sum.n++;
			sums.set(sector.sector, sum);
		},
		async plan() {
			const round = (value: number) => Math.round(value * 1e5) / 1e5;
			const desired = new Map<string, Sector>(
				[...sums].map(([sector, sum]) => [
					sector,
					{ lon: round(sum.lon / sum.n), lat: round(sum.lat / sum.n), postcodes: sum.n }
				])
			);
			const rows = await sql<
				(Sector & { sector: string })[]
			>`select sector, lon, lat, postcodes from postcode_sectors`;
			const existing = new Map(rows.map(({ sector, ...rest }) => [sector, rest]));
			return {
				changes: { 'postcode sectors': diffRows(existing, desired, same) },
				scope: [{ table: 'postcode_sectors', byLa: false }],
				async write(tx) {
					await tx`delete from postcode_sectors`;
					await insertBatches(
						tx,
						'postcode_sectors',
						[...desired].map(([sector, s]) => ({ sector, ...s }))
					);
				}
			};
		}
	};
}
