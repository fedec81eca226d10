import type { VacancyCandidate } from '$lib/analysis-worker/protocol';
import type { HomeProperties } from '$lib/map/feature-properties';
import { PROVISION_LABELS } from './provision-labels';

/**
 * What a commissioner calls a suitable vacancy. Ofsted redacts children's homes' names, so a home is
 * its URN and owner (from the map's homes, when they are loaded); fostering capacity is the LA's.
 */
export function candidateName(
	candidate: VacancyCandidate,
	homes: ReadonlyMap<string, Pick<HomeProperties, 'owner'>>,
	laNames: ReadonlyMap<string, string>
): string {
	const la = laNames.get(candidate.laCode) ?? candidate.label ?? candidate.laCode;
	if (candidate.provider.type === 'fostering') return `${la} foster carers`;
	const owner = homes.get(candidate.provider.urn)?.owner;
	return `${PROVISION_LABELS[candidate.kind]} URN ${candidate.provider.urn}${owner ? `, ${owner}` : ''} (${la})`;
}
