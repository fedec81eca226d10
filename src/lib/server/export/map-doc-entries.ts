import type { Polygon, MultiPolygon } from 'geojson';
import { z } from 'zod';
import { parseProposals } from '$lib/domain/analysis';
import type { Proposal } from '$lib/domain/analysis';
import type { LonLat } from '$lib/domain/types';
import type * as Y from 'yjs';

/**
 * The workshop document's entries (DESIGN.md "Workshop document"), read for export. Any client with
 * write access can put anything in the document, so every entry is checked here and a bad one is
 * left out, never thrown over: wrong types, text or lists beyond the bounds below, places outside
 * England.
 */

/** England's bounding box with a margin, [west, south, east, north] in degrees. */
const ENGLAND_BOX = [-6.5, 49.8, 2.0, 55.9] as const;
const MAX_NAME = 200;
const MAX_TEXT = 2000;
/** As the what-if endpoint: a scenario of more proposals is not one the app made. */
const MAX_PROPOSALS = 200;
const MAX_POSITIONS = 5000;

const inEngland = ([lon, lat]: readonly number[]) =>
	lon >= ENGLAND_BOX[0] && lat >= ENGLAND_BOX[1] && lon <= ENGLAND_BOX[2] && lat <= ENGLAND_BOX[3];

const lonLat = z
	.tuple([z.number(), z.number()])
	.refine(inEngland, 'outside England')
	.transform((position) => position as LonLat);
const by = z.object({ name: z.string().max(MAX_NAME), laCode: z.string().max(16).nullable().optional() });
/** Milliseconds since 1970 or an ISO date, as an ISO date. */
const when = z
	.union([z.number(), z.string().max(40)])
	.transform((value) => new Date(value))
	.refine((date) => !Number.isNaN(date.getTime()), 'not a date')
	.transform((date) => date.toISOString());

const scenarioSchema = z.object({
	name: z.string().max(MAX_NAME),
	createdBy: by,
	createdAt: when,
	proposals: z.array(z.unknown()).max(MAX_PROPOSALS)
});

const noteSchema = z.object({
	location: lonLat,
	text: z.string().max(MAX_TEXT),
	by,
	createdAt: when,
	resolved: z.boolean().optional().default(false)
});

const ring = z.array(lonLat).min(4).max(MAX_POSITIONS);
const areaSchema = z.object({
	type: z.literal('Feature'),
	geometry: z.discriminatedUnion('type', [
		z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(50) }),
		z.object({
			type: z.literal('MultiPolygon'),
			coordinates: z.array(z.array(ring).min(1).max(50)).min(1).max(50)
		})
	]),
	properties: z.record(z.string(), z.unknown()).nullable().optional(),
	by
});

export interface ScenarioEntry {
	id: string;
	name: string;
	createdBy: { name: string; laCode: string | null };
	createdAt: string;
	/** The valid proposals only (each one checked as the what-if checks it, and in England). */
	proposals: Proposal[];
}

export interface NoteEntry {
	id: string;
	location: LonLat;
	text: string;
	by: { name: string; laCode: string | null };
	createdAt: string;
	resolved: boolean;
}

export interface AreaEntry {
	id: string;
	geometry: Polygon | MultiPolygon;
	name: string | null;
	by: { name: string; laCode: string | null };
}

/** A Y.Map's entries as plain values, whether its values are nested Y types or plain objects. */
function entriesOf(doc: Y.Doc, name: string): [string, unknown][] {
	return Object.entries(doc.getMap(name).toJSON());
}

const validId = (id: string) => id.length > 0 && id.length <= 100;

function validProposals(raw: unknown[]): Proposal[] {
	return raw.flatMap((item) => {
		try {
			const [proposal] = parseProposals([item]);
			return 'location' in proposal && !inEngland(proposal.location) ? [] : [proposal];
		} catch {
			return [];
		}
	});
}

export function scenariosOf(doc: Y.Doc): ScenarioEntry[] {
	return entriesOf(doc, 'scenarios').flatMap(([id, value]) => {
		const parsed = scenarioSchema.safeParse(value);
		if (!validId(id) || !parsed.success) return [];
		const { name, createdBy, createdAt, proposals } = parsed.data;
		return [
			{
				id,
				name,
				createdBy: { name: createdBy.name, laCode: createdBy.laCode ?? null },
				createdAt,
				proposals: validProposals(proposals)
			}
		];
	});
}

export function notesOf(doc: Y.Doc): NoteEntry[] {
	return entriesOf(doc, 'notes').flatMap(([id, value]) => {
		const parsed = noteSchema.safeParse(value);
		if (!validId(id) || !parsed.success) return [];
		const note = parsed.data;
		return [{ id, ...note, by: { name: note.by.name, laCode: note.by.laCode ?? null } }];
	});
}

export function areasOf(doc: Y.Doc): AreaEntry[] {
	return entriesOf(doc, 'areas').flatMap(([id, value]) => {
		const parsed = areaSchema.safeParse(value);
		if (!validId(id) || !parsed.success) return [];
		const area = parsed.data;
		const name = area.properties?.name;
		return [
			{
				id,
				geometry: area.geometry as Polygon | MultiPolygon,
				name: typeof name === 'string' ? name.slice(0, MAX_NAME) : null,
				by: { name: area.by.name, laCode: area.by.laCode ?? null }
			}
		];
	});
}
