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
 * Reads the reference data of these RCCs once (England's covers every LA) and summarises each per member
 * LA and for the region, in the order given, child figures suppressed as they may leave each LA for
 * this user (child-figures.ts).
 */
export async function rccSummaries(
	sql: postgres.Sql,
	rccs: readonly Rcc[],
	user: CurrentUser | null
): Promise<RccSummary[]> {
	const codes = [...new Set(rccs.flatMap((rcc) => rcc.laCodes))];
	const [members, childRows, homeRows, fosteringRows, recordedSources] = await Promise.all([
		las.withPublished(sql, codes),
		children.placementsOf(sql, codes),
		homes.inLas(sql, codes),
		fostering.ofLas(sql, codes),
		datasetMeta.sources(sql)
	]);
	return rccs.map((rcc) => {
		const memberCodes = new Set(rcc.laCodes);
		// Rows of other RCCs' LAs come along: the summary and the suppression count members' only.
		const summary = summariseRcc({
			rcc: { id: rcc.id, name: rcc.name, isDemo: rcc.isDemo },
			las: members.filter((la) => memberCodes.has(la.code)),
			children: childRows,
			homes: homeRows,
			fostering: fosteringRows,
			sources: recordedSources ?? SUMMARY_SOURCES
		});
		// Without member LAs there are no child figures to suppress (and suppressAreaFigures expects some).
		if (rcc.laCodes.length === 0) return summary;
		return withChildFigures(summary, childFigures(rcc.laCodes, childRows, user));
	});
}

/** One RCC's summary (see rccSummaries). */
export async function rccSummary(sql: postgres.Sql, rcc: Rcc, user: CurrentUser | null): Promise<RccSummary> {
	const [summary] = await rccSummaries(sql, [rcc], user);
	return summary;
}
