import type postgres from 'postgres';
import { summariseRcc } from '$lib/domain/summary';
import type { CurrentUser, RccSummary } from '$lib/domain/types';
import { childFigures, withChildFigures } from './child-figures';
import * as children from './db/children';
import * as datasetMeta from './db/dataset-meta';
import * as fostering from './db/fostering';
import * as homes from './db/homes';
import * as las from './db/las';
import type { Rcc } from './db/rccs';

/**
 * Attribution of the published figures the summary sets beside the computed ones (OGL v3.0), when the
 * data set records none of its own.
 */
export const SUMMARY_SOURCES = [
	'Department for Education, Children looked after in England including adoptions 2025 (OGL v3.0)',
	"Ofsted, Children's social care data in England 2025: provider level data at 31 March 2025 (OGL v3.0)"
];

/**
 * Reads an RCC's reference data and summarises it per member LA and for the region, child figures
 * suppressed as they may leave each LA for this user (child-figures.ts).
 */
export async function rccSummary(sql: postgres.Sql, rcc: Rcc, user: CurrentUser | null): Promise<RccSummary> {
	const [members, childRows, homeRows, fosteringRows, recordedSources] = await Promise.all([
		las.withPublished(sql, rcc.laCodes),
		children.ofLas(sql, rcc.laCodes),
		homes.inLas(sql, rcc.laCodes),
		fostering.ofLas(sql, rcc.laCodes),
		datasetMeta.sources(sql)
	]);
	const summary = summariseRcc({
		rcc: { id: rcc.id, name: rcc.name, isDemo: rcc.isDemo },
		las: members,
		children: childRows,
		homes: homeRows,
		fostering: fosteringRows,
		sources: recordedSources ?? SUMMARY_SOURCES
	});
	return withChildFigures(summary, childFigures(rcc.laCodes, childRows, user));
}
