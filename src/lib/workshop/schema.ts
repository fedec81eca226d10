import * as Y from 'yjs';
import { z } from 'zod';
import type { Proposal, ProvisionKind } from '../domain/analysis/types';
import type { LonLat } from '../domain/types';
import { inEngland } from './in-england';

/**
 * The workshop document `map:<rccId>` (docs/workshop-document.md): four shared types at the root,
 *
 * - `scenarios`: Y.Map id -> Y.Map { name, createdBy { name, laCode }, createdAt, proposals: Y.Array of
 *   what-if proposals (the what-if request's shape), unitCosts? { <kind>: pounds per place per week } };
 * - `notes`: Y.Map id -> { location, text, by { name, laCode }, createdAt, resolved };
 * - `areas`: Y.Map id -> GeoJSON Feature<Polygon> whose properties hold `by`, `createdAt`, `name`;
 * - `scenes`: Y.Array of { id, name, view { center, zoom, bearing, pitch }, layers, filters, scenarioId? }.
 *
 * Anyone who may write the document may write anything into it, so every reader here validates each
 * entry and skips a bad one (counting it), and bounds how many it reads: a hostile client can make its
 * own entries disappear, never the page or the what-if fail. Writers refuse what readers would skip.
 */
export const WORKSHOP_SCHEMA_VERSION = 1;

export const WORKSHOP_LIMITS = {
	/** The what-if's own bound (what-if.json): more proposals than anyone drags around a map. */
	proposalsPerScenario: 200,
	scenarios: 50,
	notes: 500,
	areas: 200,
	scenes: 100,
	/** The what-if's bound on one home: a typo of a thousand places would swamp a region. */
	placesPerHome: 1000,
	nameLength: 120,
	noteLength: 1000,
	idLength: 64,
	areaCorners: 500,
	/** Pounds per place per week. */
	unitCost: 100_000
} as const;

export const PROVISION_KIND_IDS = [
	'childrens_home',
	'secure',
	'residential_school',
	'supported',
	'fostering'
] as const satisfies readonly ProvisionKind[];

/** Pounds per place per week, when a scenario has none of its own: illustrative, editable in the page. */
export const DEFAULT_UNIT_COSTS: Record<ProvisionKind, number> = {
	childrens_home: 5000,
	secure: 8000,
	residential_school: 5500,
	supported: 1500,
	fostering: 900
};

export type UnitCosts = Partial<Record<ProvisionKind, number>>;

/** Who wrote an entry: the name and LA code stamped from the writer's session, as the page knows them. */
export interface Attribution {
	name: string;
	laCode: string | null;
}

export interface Scenario {
	id: string;
	name: string;
	createdBy: Attribution;
	/** ISO 8601. */
	createdAt: string;
	proposals: Proposal[];
	unitCosts: UnitCosts | null;
	/** Entries of `proposals` skipped as malformed or beyond the limit. */
	ignoredProposals: number;
}

export interface WorkshopNote {
	id: string;
	location: LonLat;
	text: string;
	by: Attribution;
	createdAt: string;
	resolved: boolean;
}

export interface WorkshopArea {
	id: string;
	feature: {
		type: 'Feature';
		geometry: { type: 'Polygon'; coordinates: LonLat[][] };
		properties: { by: Attribution; createdAt: string; name: string };
	};
}

export interface SceneView {
	center: LonLat;
	zoom: number;
	bearing: number;
	pitch: number;
}

export interface Scene {
	id: string;
	name: string;
	view: SceneView;
	layers: string[];
	filters: Record<string, unknown>;
	scenarioId?: string;
}

/** Entries read, and how many were skipped (malformed, or beyond the limit). */
export interface Read<T> {
	entries: T[];
	ignored: number;
}

export class WorkshopInputError extends Error {}

const id = z.string().min(1).max(WORKSHOP_LIMITS.idLength);
const name = z.string().trim().min(1).max(WORKSHOP_LIMITS.nameLength);
const laCode = z.string().regex(/^E\d{8}$/);
const attribution = z.object({ name: z.string().trim().min(1).max(200), laCode: laCode.nullable() });
const isoDate = z
	.string()
	.max(40)
	.refine((text) => !Number.isNaN(Date.parse(text)), { error: 'expected an ISO 8601 date' });
const lonLat = z
	.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
	.refine((point) => inEngland(point as LonLat), { error: 'outside England' });
const kind = z.enum(PROVISION_KIND_IDS);
const urn = z.string().min(1).max(20);

const proposalSchema = z.discriminatedUnion('action', [
	z
		.object({
			action: z.literal('add'),
			id,
			kind,
			location: lonLat,
			places: z.number().int().min(0).max(WORKSHOP_LIMITS.placesPerHome),
			ageMin: z.number().int().min(0).max(25).optional(),
			ageMax: z.number().int().min(0).max(25).optional(),
			needs: z.array(z.string().max(40)).max(20).optional(),
			laCode: laCode.optional()
		})
		.strict()
		.refine((p) => (p.ageMin ?? 0) <= (p.ageMax ?? 25), { error: 'ageMin must not exceed ageMax' }),
	z.object({ action: z.literal('move'), urn, location: lonLat }).strict(),
	z.object({ action: z.literal('remove'), urn }).strict()
]);

const unitCostsSchema = z.partialRecord(kind, z.number().min(0).max(WORKSHOP_LIMITS.unitCost));

const noteSchema = z.object({
	location: lonLat,
	text: z.string().trim().min(1).max(WORKSHOP_LIMITS.noteLength),
	by: attribution,
	createdAt: isoDate,
	resolved: z.boolean()
});

const areaSchema = z.object({
	type: z.literal('Feature'),
	geometry: z.object({
		type: z.literal('Polygon'),
		coordinates: z.array(z.array(lonLat).min(4).max(WORKSHOP_LIMITS.areaCorners)).min(1).max(1)
	}),
	properties: z.object({
		by: attribution,
		createdAt: isoDate,
		name: z.string().trim().max(WORKSHOP_LIMITS.nameLength).default('')
	})
});

const sceneSchema = z.object({
	id,
	name,
	view: z.object({
		center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
		zoom: z.number().min(0).max(22),
		bearing: z.number().min(-360).max(360),
		pitch: z.number().min(0).max(85)
	}),
	layers: z.array(z.string().max(40)).max(20),
	filters: z.record(z.string().max(40), z.unknown()).refine((filters) => Object.keys(filters).length <= 50),
	scenarioId: id.optional()
});

/** The document's root types. Getting them creates them (empty) on first use, as Yjs does. */
export function workshopParts(doc: Y.Doc) {
	return {
		scenarios: doc.getMap<unknown>('scenarios'),
		notes: doc.getMap<unknown>('notes'),
		areas: doc.getMap<unknown>('areas'),
		scenes: doc.getArray<unknown>('scenes')
	};
}

/** A plain value of the document as JSON (Y types to plain objects), or undefined when it is none. */
function plain(value: unknown): unknown {
	if (value instanceof Y.AbstractType) return value.toJSON();
	return value;
}

/** Proposals of a Y.Array, valid ones in order up to the limit; ids (or URNs) appearing twice count once. */
export function readProposals(array: unknown): Read<Proposal> {
	if (!(array instanceof Y.Array)) return { entries: [], ignored: 0 };
	const entries: Proposal[] = [];
	const keys = new Set<string>();
	let ignored = 0;
	for (const item of array) {
		if (entries.length >= WORKSHOP_LIMITS.proposalsPerScenario) {
			ignored++;
			continue;
		}
		const parsed = proposalSchema.safeParse(plain(item));
		const key = parsed.success ? proposalKey(parsed.data as Proposal) : '';
		if (!parsed.success || keys.has(key)) {
			ignored++;
			continue;
		}
		keys.add(key);
		entries.push(parsed.data as Proposal);
	}
	return { entries, ignored };
}

/** A proposal's identity within its scenario: an added home's id, or the URN of the home moved or removed. */
export function proposalKey(proposal: Proposal): string {
	return proposal.action === 'add' ? `add:${proposal.id}` : `${proposal.action}:${proposal.urn}`;
}

/** One scenario, or null when the entry is not one. */
export function readScenario(doc: Y.Doc, scenarioId: string): Scenario | null {
	return scenarioFrom(scenarioId, workshopParts(doc).scenarios.get(scenarioId));
}

function scenarioFrom(scenarioId: string, value: unknown): Scenario | null {
	if (!(value instanceof Y.Map) || !id.safeParse(scenarioId).success) return null;
	const head = z.object({ name, createdBy: attribution, createdAt: isoDate }).safeParse({
		name: value.get('name'),
		createdBy: plain(value.get('createdBy')),
		createdAt: value.get('createdAt')
	});
	if (!head.success) return null;
	const costs = value.get('unitCosts');
	const unitCosts = costs === undefined ? null : unitCostsSchema.safeParse(plain(costs));
	const proposals = readProposals(value.get('proposals'));
	return {
		id: scenarioId,
		...head.data,
		proposals: proposals.entries,
		unitCosts: unitCosts?.success ? (unitCosts.data as UnitCosts) : null,
		ignoredProposals: proposals.ignored
	};
}

/** Every valid scenario, oldest first (then by id), at most `WORKSHOP_LIMITS.scenarios`. */
export function readScenarios(doc: Y.Doc): Read<Scenario> {
	const valid: Scenario[] = [];
	let ignored = 0;
	for (const [key, value] of workshopParts(doc).scenarios) {
		const scenario = scenarioFrom(key, value);
		if (scenario) valid.push(scenario);
		else ignored++;
	}
	valid.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
	const entries = valid.slice(0, WORKSHOP_LIMITS.scenarios);
	return { entries, ignored: ignored + valid.length - entries.length };
}

/** Valid entries of a Y.Map of plain values, newest first, at most `limit`. */
function readMap<T extends { createdAt: string; id: string }>(
	map: Y.Map<unknown>,
	limit: number,
	parse: (key: string, value: unknown) => T | null
): Read<T> {
	const valid: T[] = [];
	let ignored = 0;
	for (const [key, value] of map) {
		const entry = id.safeParse(key).success ? parse(key, plain(value)) : null;
		if (entry) valid.push(entry);
		else ignored++;
	}
	valid.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
	const entries = valid.slice(0, limit);
	return { entries, ignored: ignored + valid.length - entries.length };
}

export function readNotes(doc: Y.Doc): Read<WorkshopNote> {
	return readMap(workshopParts(doc).notes, WORKSHOP_LIMITS.notes, (key, value) => {
		const parsed = noteSchema.safeParse(value);
		return parsed.success ? { id: key, ...(parsed.data as Omit<WorkshopNote, 'id'>) } : null;
	});
}

export function readAreas(doc: Y.Doc): Read<WorkshopArea & { createdAt: string }> {
	return readMap(workshopParts(doc).areas, WORKSHOP_LIMITS.areas, (key, value) => {
		const parsed = areaSchema.safeParse(value);
		if (!parsed.success) return null;
		const feature = parsed.data as WorkshopArea['feature'];
		const ring = feature.geometry.coordinates[0];
		const [first, last] = [ring[0], ring[ring.length - 1]];
		if (first[0] !== last[0] || first[1] !== last[1]) return null;
		return { id: key, feature, createdAt: feature.properties.createdAt };
	});
}

export function readScenes(doc: Y.Doc): Read<Scene> {
	const entries: Scene[] = [];
	let ignored = 0;
	const ids = new Set<string>();
	for (const value of workshopParts(doc).scenes) {
		const parsed = entries.length < WORKSHOP_LIMITS.scenes ? sceneSchema.safeParse(plain(value)) : null;
		if (!parsed?.success || ids.has(parsed.data.id)) {
			ignored++;
			continue;
		}
		ids.add(parsed.data.id);
		entries.push(parsed.data as Scene);
	}
	return { entries, ignored };
}

// Writers: the one door for this page's changes. Each validates as the readers do, and runs in one
// transaction tagged with `origin`, so that an UndoManager tracking that origin undoes this person's
// changes and nobody else's.

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
	const parsed = schema.safeParse(value);
	if (!parsed.success)
		throw new WorkshopInputError(`${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
	return parsed.data;
}

function scenarioMap(doc: Y.Doc, scenarioId: string): Y.Map<unknown> {
	const value = workshopParts(doc).scenarios.get(scenarioId);
	if (!(value instanceof Y.Map)) throw new WorkshopInputError(`There is no scenario ${scenarioId}.`);
	return value;
}

function proposalsOf(scenario: Y.Map<unknown>): Y.Array<unknown> {
	const value = scenario.get('proposals');
	if (value instanceof Y.Array) return value;
	const fresh = new Y.Array<unknown>();
	scenario.set('proposals', fresh);
	return fresh;
}

export interface NewEntry {
	by: Attribution;
	/** When, as ISO 8601. */
	at: string;
	/** The id to use; by default a random UUID. */
	id?: string;
}

export function createScenario(
	doc: Y.Doc,
	entry: NewEntry & { name: string; proposals?: Proposal[]; unitCosts?: UnitCosts | null },
	origin: unknown
): string {
	const scenarioId = check(id, entry.id ?? crypto.randomUUID(), 'Scenario id');
	const checkedName = check(name, entry.name, 'Scenario name');
	const by = check(attribution, entry.by, 'Author');
	const at = check(isoDate, entry.at, 'Date');
	const proposals = (entry.proposals ?? []).map((p) => check(proposalSchema, p, 'Proposal'));
	if (proposals.length > WORKSHOP_LIMITS.proposalsPerScenario)
		throw new WorkshopInputError(
			`A scenario holds at most ${WORKSHOP_LIMITS.proposalsPerScenario} proposals.`
		);
	const costs = entry.unitCosts ? check(unitCostsSchema, entry.unitCosts, 'Unit costs') : null;
	const { scenarios } = workshopParts(doc);
	if (scenarios.size >= WORKSHOP_LIMITS.scenarios)
		throw new WorkshopInputError(`The map holds at most ${WORKSHOP_LIMITS.scenarios} scenarios.`);
	doc.transact(() => {
		const scenario = new Y.Map<unknown>();
		scenario.set('name', checkedName);
		scenario.set('createdBy', { ...by });
		scenario.set('createdAt', at);
		const array = new Y.Array<unknown>();
		array.push(proposals.map((p) => ({ ...p })));
		scenario.set('proposals', array);
		if (costs) scenario.set('unitCosts', { ...costs });
		scenarios.set(scenarioId, scenario);
	}, origin);
	return scenarioId;
}

export function renameScenario(doc: Y.Doc, scenarioId: string, newName: string, origin: unknown): void {
	const checked = check(name, newName, 'Scenario name');
	const scenario = scenarioMap(doc, scenarioId);
	doc.transact(() => scenario.set('name', checked), origin);
}

/** A copy of a scenario's valid proposals and unit costs under a new name; returns the new id. */
export function duplicateScenario(
	doc: Y.Doc,
	scenarioId: string,
	entry: NewEntry & { name: string },
	origin: unknown
): string {
	const source = readScenario(doc, scenarioId);
	if (!source) throw new WorkshopInputError(`There is no scenario ${scenarioId}.`);
	return createScenario(doc, { ...entry, proposals: source.proposals, unitCosts: source.unitCosts }, origin);
}

export function deleteScenario(doc: Y.Doc, scenarioId: string, origin: unknown): void {
	doc.transact(() => workshopParts(doc).scenarios.delete(scenarioId), origin);
}

export function setUnitCosts(doc: Y.Doc, scenarioId: string, costs: UnitCosts, origin: unknown): void {
	const checked = check(unitCostsSchema, costs, 'Unit costs');
	const scenario = scenarioMap(doc, scenarioId);
	doc.transact(() => scenario.set('unitCosts', { ...checked }), origin);
}

export function addProposal(doc: Y.Doc, scenarioId: string, proposal: Proposal, origin: unknown): void {
	const checked = check(proposalSchema, proposal, 'Proposal') as Proposal;
	const array = proposalsOf(scenarioMap(doc, scenarioId));
	const { entries } = readProposals(array);
	if (entries.length >= WORKSHOP_LIMITS.proposalsPerScenario)
		throw new WorkshopInputError(
			`A scenario holds at most ${WORKSHOP_LIMITS.proposalsPerScenario} proposals.`
		);
	if (entries.some((p) => proposalKey(p) === proposalKey(checked)))
		throw new WorkshopInputError('The scenario has that proposal already.');
	doc.transact(() => array.push([{ ...checked }]), origin);
}

/** Index in the array of the first valid proposal with this key (what the readers show), or -1. */
function indexOfProposal(array: Y.Array<unknown>, key: string): number {
	let index = -1;
	array.forEach((item, i) => {
		if (index >= 0) return;
		const parsed = proposalSchema.safeParse(plain(item));
		if (parsed.success && proposalKey(parsed.data as Proposal) === key) index = i;
	});
	return index;
}

/** Replaces the proposal with `key` (proposalKey) by `proposal`, in place. */
export function replaceProposal(
	doc: Y.Doc,
	scenarioId: string,
	key: string,
	proposal: Proposal,
	origin: unknown
): void {
	const checked = check(proposalSchema, proposal, 'Proposal') as Proposal;
	const array = proposalsOf(scenarioMap(doc, scenarioId));
	const index = indexOfProposal(array, key);
	if (index < 0) throw new WorkshopInputError('That proposal is no longer in the scenario.');
	doc.transact(() => {
		array.delete(index, 1);
		array.insert(index, [{ ...checked }]);
	}, origin);
}

export function removeProposal(doc: Y.Doc, scenarioId: string, key: string, origin: unknown): void {
	const array = proposalsOf(scenarioMap(doc, scenarioId));
	const index = indexOfProposal(array, key);
	if (index >= 0) doc.transact(() => array.delete(index, 1), origin);
}

export function addNote(
	doc: Y.Doc,
	entry: NewEntry & { location: LonLat; text: string },
	origin: unknown
): string {
	const noteId = check(id, entry.id ?? crypto.randomUUID(), 'Note id');
	const note = check(
		noteSchema,
		{ location: entry.location, text: entry.text, by: entry.by, createdAt: entry.at, resolved: false },
		'Note'
	);
	const { notes } = workshopParts(doc);
	if (notes.size >= WORKSHOP_LIMITS.notes)
		throw new WorkshopInputError(
			`The map holds at most ${WORKSHOP_LIMITS.notes} notes: delete resolved ones first.`
		);
	doc.transact(() => notes.set(noteId, note), origin);
	return noteId;
}

export function resolveNote(doc: Y.Doc, noteId: string, resolved: boolean, origin: unknown): void {
	const { notes } = workshopParts(doc);
	const note = noteSchema.safeParse(plain(notes.get(noteId)));
	if (!note.success) throw new WorkshopInputError('That note is no longer on the map.');
	doc.transact(() => notes.set(noteId, { ...note.data, resolved }), origin);
}

export function deleteNote(doc: Y.Doc, noteId: string, origin: unknown): void {
	doc.transact(() => workshopParts(doc).notes.delete(noteId), origin);
}

export function addArea(
	doc: Y.Doc,
	entry: NewEntry & { ring: LonLat[]; name?: string },
	origin: unknown
): string {
	const areaId = check(id, entry.id ?? crypto.randomUUID(), 'Area id');
	const ring = [...entry.ring];
	const [first, last] = [ring[0], ring[ring.length - 1]];
	if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
	const feature = check(
		areaSchema,
		{
			type: 'Feature',
			geometry: { type: 'Polygon', coordinates: [ring] },
			properties: { by: entry.by, createdAt: entry.at, name: entry.name ?? '' }
		},
		'Area'
	);
	const { areas } = workshopParts(doc);
	if (areas.size >= WORKSHOP_LIMITS.areas)
		throw new WorkshopInputError(`The map holds at most ${WORKSHOP_LIMITS.areas} areas.`);
	doc.transact(() => areas.set(areaId, feature), origin);
	return areaId;
}

export function deleteArea(doc: Y.Doc, areaId: string, origin: unknown): void {
	doc.transact(() => workshopParts(doc).areas.delete(areaId), origin);
}

export function addScene(doc: Y.Doc, scene: Scene, origin: unknown): void {
	const checked = check(sceneSchema, scene, 'Scene');
	const { scenes } = workshopParts(doc);
	if (scenes.length >= WORKSHOP_LIMITS.scenes)
		throw new WorkshopInputError(`The map holds at most ${WORKSHOP_LIMITS.scenes} scenes.`);
	doc.transact(() => scenes.push([checked]), origin);
}

export function removeScene(doc: Y.Doc, sceneId: string, origin: unknown): void {
	const { scenes } = workshopParts(doc);
	const index = scenes
		.toArray()
		.findIndex((value) => (plain(value) as { id?: unknown } | null)?.id === sceneId);
	if (index >= 0) doc.transact(() => scenes.delete(index, 1), origin);
}
