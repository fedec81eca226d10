import fs from 'node:fs';
import path from 'node:path';
import type postgres from 'postgres';
import { createLaLocator, type LaBoundary } from '../../domain/cohort';
import type { LonLat } from '../../domain/types';
import type { Places } from './ssda903-episodes';

/**
 * Mean of the LA's MSOA population-weighted centroids (ONS 2021, shipped in server/data/points): MSOAs
 * hold similar numbers of people (about 8,000), so this is close to the LA's own population-weighted
 * centre. Falls back to the LA's label point when the file lists none for it.
 */
export function laCentroid(laCode: string, fallback: LonLat, dataDir = path.resolve('server/data')): LonLat {
	const file = path.join(dataDir, 'points/england_msoa21_pwc.geojson');
	const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		features: { properties: { ctyua24cd: string }; geometry: { coordinates: LonLat } }[];
	};
	let lon = 0;
	let lat = 0;
	let n = 0;
	for (const feature of json.features) {
		if (feature.properties.ctyua24cd !== laCode) continue;
		lon += feature.geometry.coordinates[0];
		lat += feature.geometry.coordinates[1];
		n++;
	}
	return n === 0 ? fallback : [Math.round((lon / n) * 1e5) / 1e5, Math.round((lat / n) * 1e5) / 1e5];
}

/** What the episodes import needs to place children, read once from the database. */
export async function placesFor(
	sql: postgres.Sql,
	laCode: string
): Promise<Places & { sectorCount: number }> {
	const [la] = await sql<{ lon: number; lat: number }[]>`
		select label_lon as lon, label_lat as lat from las where code = ${laCode}`;
	const [sectorRows, homeRows, boundaryRows] = await Promise.all([
		sql<{ sector: string; lon: number; lat: number }[]>`select sector, lon, lat from postcode_sectors`,
		sql<{ urn: string; lon: number; lat: number; laCode: string }[]>`
			select urn, lon, lat, la_code as "laCode" from homes`,
		sql<
			{ code: string; name: string; geometry: LaBoundary['geometry'] }[]
		>`select code, name, geometry from las`
	]);
	const sectors = new Map(sectorRows.map((row) => [row.sector, [row.lon, row.lat] as LonLat]));
	const homes = new Map(
		homeRows.map((row) => [row.urn, { point: [row.lon, row.lat] as LonLat, laCode: row.laCode }])
	);
	const locator = createLaLocator(boundaryRows);
	const found = new Map<string, string | null>();
	return {
		laCode,
		laCentroid: laCentroid(laCode, [la.lon, la.lat]),
		sectorCount: sectors.size,
		sector: (sector) => sectors.get(sector) ?? null,
		home: (urn) => homes.get(urn) ?? null,
		laAt(point) {
			const key = `${point[0]},${point[1]}`;
			if (!found.has(key)) found.set(key, locator.laAt(point));
			return found.get(key)!;
		}
	};
}
