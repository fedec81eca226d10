import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Proposal } from '../domain/analysis/types';
import {
	WORKSHOP_LIMITS,
	WorkshopInputError,
	addArea,
	addNote,
	addProposal,
	addScene,
	createScenario,
	deleteNote,
	deleteScenario,
	duplicateScenario,
	readAreas,
	readNotes,
	readProposals,
	readScenario,
	readScenarios,
	readScenes,
	removeProposal,
	renameScenario,
	replaceProposal,
	resolveNote,
	setUnitCosts,
	workshopParts
} from './schema';

const by = { name: 'Asha Patel', laCode: 'E08000003' };
const at = '2026-12-04T18:00:00.000Z';
const manchester: [number, number] = [-2.24, 53.48];
const home = (id: string, places = 4): Extract<Proposal, { action: 'add' }> => ({
	action: 'add',
	id,
	kind: 'childrens_home',
	location: manchester,
	places,
	ageMin: 11,
	ageMax: 17,
	needs: []
});

/** A scenario written the way another client could: raw Yjs, no validation. */
function rawScenario(doc: Y.Doc, id: string, fields: Record<string, unknown>, proposals: unknown[] = []) {
	const scenario = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(fields)) scenario.set(key, value);
	const array = new Y.Array<unknown>();
	array.push(proposals);
	scenario.set('proposals', array);
	workshopParts(doc).scenarios.set(id, scenario);
}

describe('scenarios', () => {
	it('are written and read back in the documented shape', () => {
		const doc = new Y.Doc();
		const id = createScenario(doc, { name: 'Two homes in Salford', by, at, id: 's1' }, null);
		addProposal(doc, id, home('h1'), null);
		addProposal(doc, id, { action: 'remove', urn: 'SC123456' }, null);
		setUnitCosts(doc, id, { childrens_home: 5200 }, null);
		const stored = workshopParts(doc).scenarios.get(id) as Y.Map<unknown>;
		expect(stored.get('proposals')).toBeInstanceOf(Y.Array);
		expect(stored.toJSON()).toEqual({
			name: 'Two homes in Salford',
			createdBy: by,
			createdAt: at,
			proposals: [home('h1'), { action: 'remove', urn: 'SC123456' }],
			unitCosts: { childrens_home: 5200 }
		});
		expect(readScenario(doc, id)).toEqual({
			id,
			name: 'Two homes in Salford',
			createdBy: by,
			createdAt: at,
			proposals: [home('h1'), { action: 'remove', urn: 'SC123456' }],
			unitCosts: { childrens_home: 5200 },
			ignoredProposals: 0
		});
	});

	it('are renamed, moved, duplicated and deleted', () => {
		const doc = new Y.Doc();
		createScenario(doc, { name: 'A', by, at, id: 'a' }, null);
		addProposal(doc, 'a', home('h1'), null);
		addProposal(doc, 'a', home('h2'), null);
		renameScenario(doc, 'a', 'Renamed', null);
		replaceProposal(doc, 'a', 'add:h1', { ...home('h1'), location: [-2.3, 53.5] }, null);
		removeProposal(doc, 'a', 'add:h2', null);
		duplicateScenario(doc, 'a', { name: 'Copy', by, at: '2026-12-04T18:01:00.000Z', id: 'b' }, null);
		expect(readScenarios(doc).entries.map((s) => [s.id, s.name, s.proposals])).toEqual([
			['a', 'Renamed', [{ ...home('h1'), location: [-2.3, 53.5] }]],
			['b', 'Copy', [{ ...home('h1'), location: [-2.3, 53.5] }]]
		]);
		deleteScenario(doc, 'a', null);
		expect(readScenarios(doc).entries.map((s) => s.id)).toEqual(['b']);
	});

	it('refuse what the readers would skip', () => {
		const doc = new Y.Doc();
		createScenario(doc, { name: 'A', by, at, id: 'a' }, null);
		expect(() => addProposal(doc, 'a', home('big', 1_000_000), null)).toThrow(WorkshopInputError);
		expect(() => addProposal(doc, 'a', { ...home('paris'), location: [2.35, 48.86] }, null)).toThrow(
			/outside England/
		);
		expect(() => createScenario(doc, { name: '   ', by, at }, null)).toThrow(WorkshopInputError);
		expect(() => setUnitCosts(doc, 'a', { childrens_home: -1 }, null)).toThrow(WorkshopInputError);
		addProposal(doc, 'a', home('h1'), null);
		expect(() => addProposal(doc, 'a', home('h1'), null)).toThrow(/already/);
		expect(() => addProposal(doc, 'missing', home('h2'), null)).toThrow(/no scenario/);
		expect(readScenario(doc, 'a')?.proposals).toEqual([home('h1')]);
	});

	it('skip malformed entries and proposals written by a hostile client, keeping the rest', () => {
		const doc = new Y.Doc();
		createScenario(doc, { name: 'Good', by, at, id: 'good' }, null);
		rawScenario(doc, 'no-name', { createdBy: by, createdAt: at });
		rawScenario(doc, 'bad-by', { name: 'X', createdBy: 'me', createdAt: at });
		rawScenario(doc, 'bad-date', { name: 'X', createdBy: by, createdAt: 'yesterday' });
		workshopParts(doc).scenarios.set('not-a-map', { name: 'plain object' });
		workshopParts(doc).scenarios.set('number', 42);
		rawScenario(
			doc,
			'mixed',
			{ name: 'Mixed', createdBy: by, createdAt: at, unitCosts: { childrens_home: 'lots' } },
			[
				home('ok'),
				home('million', 1_000_000),
				{ ...home('paris'), location: [2.35, 48.86] },
				{ ...home('glasgow'), location: [-4.25, 55.86] },
				{ ...home('nan'), location: [Number.NaN, 53] },
				{ ...home('string-places'), places: '4' },
				{ ...home('ages'), ageMin: 17, ageMax: 11 },
				{ ...home('extra'), sneaky: true },
				home('ok'),
				{ action: 'teleport', urn: 'SC1' },
				null,
				'text',
				[1, 2],
				{ action: 'move', urn: 'SC1', location: manchester }
			]
		);
		const read = readScenarios(doc);
		expect(read.entries.map((s) => s.id)).toEqual(['good', 'mixed']);
		expect(read.ignored).toBe(5);
		const mixed = read.entries[1];
		expect(mixed.proposals).toEqual([home('ok'), { action: 'move', urn: 'SC1', location: manchester }]);
		expect(mixed.ignoredProposals).toBe(12);
		expect(mixed.unitCosts).toBeNull();
	});

	it('read at most the what-if limit of proposals', () => {
		const doc = new Y.Doc();
		rawScenario(
			doc,
			'many',
			{ name: 'Many', createdBy: by, createdAt: at },
			Array.from({ length: WORKSHOP_LIMITS.proposalsPerScenario + 50 }, (_, i) => home(`h${i}`))
		);
		const scenario = readScenario(doc, 'many');
		expect(scenario?.proposals).toHaveLength(WORKSHOP_LIMITS.proposalsPerScenario);
		expect(scenario?.ignoredProposals).toBe(50);
		expect(() => addProposal(doc, 'many', home('one-more'), null)).toThrow(/at most/);
	});

	it('read nothing from a root of the wrong type', () => {
		expect(readProposals('not an array')).toEqual({ entries: [], ignored: 0 });
	});
});

describe('notes', () => {
	it('are created, resolved and deleted', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { location: manchester, text: 'Is there land here?', by, at }, null);
		resolveNote(doc, id, true, null);
		expect(readNotes(doc).entries).toEqual([
			{ id, location: manchester, text: 'Is there land here?', by, createdAt: at, resolved: true }
		]);
		deleteNote(doc, id, null);
		expect(readNotes(doc).entries).toEqual([]);
	});

	it('skip malformed ones and read at most the limit of 10,000 written', () => {
		const doc = new Y.Doc();
		const { notes } = workshopParts(doc);
		doc.transact(() => {
			for (let i = 0; i < 10_000; i++)
				notes.set(`n${i}`, {
					location: manchester,
					text: `note ${i}`,
					by,
					createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
					resolved: false
				});
			notes.set('bad-text', {
				location: manchester,
				text: 'x'.repeat(5000),
				by,
				createdAt: at,
				resolved: false
			});
			notes.set('bad-where', { location: [150, -30], text: 'Sydney', by, createdAt: at, resolved: false });
			notes.set('bad-type', 'hello');
		});
		const read = readNotes(doc);
		expect(read.entries).toHaveLength(WORKSHOP_LIMITS.notes);
		expect(read.entries[0].text).toBe('note 9999');
		expect(read.ignored).toBe(10_000 - WORKSHOP_LIMITS.notes + 3);
		expect(() => addNote(doc, { location: manchester, text: 'one more', by, at }, null)).toThrow(/at most/);
	});
});

describe('areas and scenes', () => {
	it('areas are closed polygons in England with their author', () => {
		const doc = new Y.Doc();
		const ring: [number, number][] = [
			[-2.3, 53.4],
			[-2.2, 53.4],
			[-2.2, 53.5]
		];
		const id = addArea(doc, { ring, by, at, name: 'Search area' }, null);
		workshopParts(doc).areas.set('open-ring', {
			type: 'Feature',
			geometry: { type: 'Polygon', coordinates: [[...ring, [-2.3, 53.45]]] },
			properties: { by, createdAt: at, name: '' }
		});
		workshopParts(doc).areas.set('point', {
			type: 'Feature',
			geometry: { type: 'Point', coordinates: manchester }
		});
		const read = readAreas(doc);
		expect(read.entries.map((area) => area.id)).toEqual([id]);
		expect(read.entries[0].feature.geometry.coordinates[0]).toEqual([...ring, ring[0]]);
		expect(read.entries[0].feature.properties.by).toEqual(by);
		expect(read.ignored).toBe(2);
	});

	it('scenes are read in order, bad ones skipped', () => {
		const doc = new Y.Doc();
		const scene = {
			id: 'one',
			name: 'Salford',
			view: { center: manchester, zoom: 10, bearing: 0, pitch: 0 },
			layers: ['homes'],
			filters: {},
			scenarioId: 'a'
		};
		addScene(doc, scene, null);
		workshopParts(doc).scenes.push([{ ...scene, id: 'bad', view: { zoom: 'far' } }, { ...scene }, 7]);
		expect(readScenes(doc)).toEqual({ entries: [scene], ignored: 3 });
	});
});

describe('undo of one origin', () => {
	it('takes back this page’s change and not another’s', () => {
		const doc = new Y.Doc();
		const mine = {};
		const theirs = {};
		const undo = new Y.UndoManager(Object.values(workshopParts(doc)), { trackedOrigins: new Set([mine]) });
		createScenario(doc, { name: 'Shared', by, at, id: 's' }, theirs);
		addProposal(doc, 's', home('theirs'), theirs);
		addProposal(doc, 's', home('mine'), mine);
		undo.undo();
		expect(readScenario(doc, 's')?.proposals).toEqual([home('theirs')]);
	});
});

describe('scenario ids', () => {
	it('are checked', () => {
		const doc = new Y.Doc();
		expect(() => createScenario(doc, { name: 'A', by, at, id: 'x'.repeat(65) }, null)).toThrow(
			WorkshopInputError
		);
	});
});
