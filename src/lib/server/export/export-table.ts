import type { Geometry } from 'geojson';
import type postgres from 'postgres';
import type { CurrentUser } from '$lib/domain/types';
import type { Rcc } from '../db/rccs';

/** A figure small-number suppression holds back: "withheld" in CSV, null in GeoJSON (and named in `withheld`). */
export const WITHHELD = Symbol('withheld');

export type ExportValue = string | number | boolean | null | typeof WITHHELD;

export interface ExportRow {
	/** Null for rows that have no place on the map (the region's total, a removed home). */
	geometry: Geometry | null;
	values: Record<string, ExportValue>;
}

/** One layer as it leaves the app: its columns in order (the CSV header, the GeoJSON properties), its rows. */
export interface ExportTable {
	columns: readonly string[];
	rows: ExportRow[];
}

export interface ExportContext {
	sql: postgres.Sql;
	rcc: Rcc;
	/** Signed in (rccOr404 has answered for anonymous readers). */
	user: CurrentUser;
}

/**
 * Builds one layer for this reader, or the response that refuses it (403 for what the role may not
 * read, 404 for what the RCC does not have), checked here so that every format is refused alike.
 */
export type ExportLayer = (context: ExportContext) => Promise<ExportTable | Response>;
