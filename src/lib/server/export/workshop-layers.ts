import { ENGLAND_ID } from '$lib/domain/types';
import { notFound } from '../responses';
import type { ExportLayer, ExportRow } from './export-table';
import { readAreas, readNotes, readScenarios } from '../../workshop/schema';
import { readMapDoc } from './read-map-doc';

/**
 * The workshop layer (`map:<rccId>`), read with the page's own validating readers (workshop/schema.ts),
 * so an export holds exactly the entries the map draws and a hostile entry is left out alike. It is shared by everyone with a role in the RCC, viewers included
 * (they see it on the map): nothing in it is a child's record. England has no workshop.
 */
const noWorkshop = () => notFound('England has no workshop map: scenarios, notes and areas are per RCC.');

/** One row per proposal (a scenario without any: one row with no proposal), by scenario. */
export const scenariosExport: ExportLayer = async ({ sql, rcc }) => {
	if (rcc.id === ENGLAND_ID) return noWorkshop();
	const scenarios = readScenarios(await readMapDoc(sql, rcc.id)).entries;
	return {
		columns: [
			'scenarioId',
			'scenarioName',
			'createdByName',
			'createdByLaCode',
			'createdAt',
			'action',
			'proposalId',
			'urn',
			'kind',
			'places',
			'ageMin',
			'ageMax',
			'needs',
			'laCode',
			'lon',
			'lat'
		],
		rows: scenarios.flatMap((scenario): ExportRow[] => {
			const shared = {
				scenarioId: scenario.id,
				scenarioName: scenario.name,
				createdByName: scenario.createdBy.name,
				createdByLaCode: scenario.createdBy.laCode,
				createdAt: scenario.createdAt
			};
			if (scenario.proposals.length === 0) return [{ geometry: null, values: shared }];
			return scenario.proposals.map((proposal) => {
				const location = 'location' in proposal ? proposal.location : null;
				const added = proposal.action === 'add' ? proposal : null;
				return {
					geometry: location ? { type: 'Point', coordinates: location } : null,
					values: {
						...shared,
						action: proposal.action,
						proposalId: added?.id ?? null,
						urn: 'urn' in proposal ? proposal.urn : null,
						kind: added?.kind ?? null,
						places: added?.places ?? null,
						ageMin: added?.ageMin ?? null,
						ageMax: added?.ageMax ?? null,
						needs: added?.needs?.join('; ') ?? null,
						laCode: added?.laCode ?? null,
						lon: location?.[0] ?? null,
						lat: location?.[1] ?? null
					}
				};
			});
		})
	};
};

/** The discussion pins. */
export const notesExport: ExportLayer = async ({ sql, rcc }) => {
	if (rcc.id === ENGLAND_ID) return noWorkshop();
	const notes = readNotes(await readMapDoc(sql, rcc.id)).entries;
	return {
		columns: ['id', 'text', 'byName', 'byLaCode', 'createdAt', 'resolved', 'lon', 'lat'],
		rows: notes.map((note) => ({
			geometry: { type: 'Point', coordinates: note.location },
			values: {
				id: note.id,
				text: note.text,
				byName: note.by.name,
				byLaCode: note.by.laCode,
				createdAt: note.createdAt,
				resolved: note.resolved,
				lon: note.location[0],
				lat: note.location[1]
			}
		}))
	};
};

/** The drawn areas (in CSV without their outline: GeoJSON carries it). */
export const areasExport: ExportLayer = async ({ sql, rcc }) => {
	if (rcc.id === ENGLAND_ID) return noWorkshop();
	const areas = readAreas(await readMapDoc(sql, rcc.id)).entries;
	return {
		columns: ['id', 'name', 'byName', 'byLaCode', 'createdAt'],
		rows: areas.map(({ id, feature }) => ({
			geometry: feature.geometry,
			values: {
				id,
				name: feature.properties.name,
				byName: feature.properties.by.name,
				byLaCode: feature.properties.by.laCode,
				createdAt: feature.properties.createdAt
			}
		}))
	};
};
