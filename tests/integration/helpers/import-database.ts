import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../../src/lib/server/db/migrate';

/** Boxes roughly where Manchester and Trafford lie (enough to tell them apart), not their boundaries. */
function box(west: number, south: number, east: number, north: number) {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[west, south],
				[east, south],
				[east, north],
				[west, north],
				[west, south]
			]
		]
	};
}

export const MANCHESTER = 'E08000003';
export const TRAFFORD = 'E08000009';

/**
 * A data directory with the schema, two LAs of one RCC, three homes and synthetic children: what the
 * import tests need of the demo, in a second instead of the demo's twenty.
 */
export async function createImportDatabase(prefix: string): Promise<string> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	await withDatabase(dataDir, async (db) => {
		await migrate(db, readMigrations(path.resolve('migrations')));
		const { sql } = db;
		await sql`insert into las ${sql([
			{
				code: MANCHESTER,
				name: 'Manchester',
				region_code: 'E12000002',
				region_name: 'North West',
				geometry: sql.json(box(-2.32, 53.34, -2.14, 53.55)),
				label_lon: -2.23,
				label_lat: 53.46,
				published: sql.json({ childrenLookedAfter: 1400 })
			},
			{
				code: TRAFFORD,
				name: 'Trafford',
				region_code: 'E12000002',
				region_name: 'North West',
				geometry: sql.json(box(-2.5, 53.34, -2.32, 53.55)),
				label_lon: -2.38,
				label_lat: 53.42,
				published: sql.json({})
			}
		] as never[])}`;
		await sql`insert into rccs (id, name) values ('gm', 'Greater Manchester')`;
		await sql`insert into rcc_members ${sql([
			{ rcc_id: 'gm', la_code: MANCHESTER },
			{ rcc_id: 'gm', la_code: TRAFFORD }
		])}`;
		const home = (urn: string, laCode: string, places: number, lon: number, lat: number) => ({
			urn,
			la_code: laCode,
			provision_type: "Children's home",
			kind: 'childrens_home',
			sector: 'Private',
			places,
			vacancies: 1,
			owner: 'Care Homes Ltd',
			lon,
			lat
		});
		await sql`insert into homes ${sql([home('1000001', MANCHESTER, 3, -2.2, 53.47), home('1000002', MANCHESTER, 2, -2.25, 53.5), home('1000003', TRAFFORD, 4, -2.4, 53.4)])}`;
		await sql`insert into fostering_capacity ${sql([{ la_code: MANCHESTER, households: 10, places: 20, vacancies: 3, source: 'demo' }])}`;
		const synthetic = (id: string, laCode: string) => ({
			id,
			la_code: laCode,
			synthetic: true,
			sex: 'male',
			age: 10,
			placement_type: 'foster',
			home_lon: -2.23,
			home_lat: 53.46,
			placement_lon: -2.23,
			placement_lat: 53.46,
			placement_la_code: laCode
		});
		await sql`insert into children ${sql([synthetic('s1', MANCHESTER), synthetic('s2', MANCHESTER), synthetic('s3', TRAFFORD)])}`;
		await sql`insert into dataset_meta (key, value) values ('demo', ${sql.json({ seededAt: 'test' })})`;
	});
	return dataDir;
}

export async function withDatabase<T>(dataDir: string, work: (db: Database) => Promise<T>): Promise<T> {
	const db = await openDatabase({ databaseUrl: null, dataDir });
	try {
		return await work(db);
	} finally {
		await db.close();
	}
}
