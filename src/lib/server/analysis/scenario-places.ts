import type { AnalysisContext, Proposal } from '$lib/domain/analysis';
import { PROVISION_KINDS } from '$lib/domain/analysis/provision-kinds';
import { noPlaces, type PlacesByKind } from '$lib/workshop/weekly-cost';

export interface ScenarioPlaces {
	/** Per member LA (the LA a proposed home names, else the one it stands in). */
	las: Map<string, PlacesByKind>;
	region: PlacesByKind;
}

/**
 * Places a scenario adds, by kind, per member LA and for the region: an added home its places, a
 * removed home minus its registered places, a moved one minus in the LA it leaves and plus in the one
 * it goes to. Homes are public (Ofsted's register), so these counts need no suppression. A home outside
 * every member LA counts for the region only when its LA is a member; otherwise not at all.
 */
export function scenarioPlaces(
	context: AnalysisContext,
	proposals: readonly Proposal[],
	members: readonly string[]
): ScenarioPlaces {
	const las = new Map(members.map((code) => [code, noPlaces()]));
	const region = noPlaces();
	const count = (laCode: string | null, kind: keyof PlacesByKind, places: number) => {
		const la = laCode ? las.get(laCode) : undefined;
		if (!la) return;
		la[kind] += places;
		region[kind] += places;
	};
	const laAt = (lon: number, lat: number) => {
		const index = context.polygons.locate(lon, lat);
		return index >= 0 ? context.polygons.codes[index] : null;
	};
	const { providers } = context;
	for (const proposal of proposals) {
		if (proposal.action === 'add') {
			const [lon, lat] = proposal.location;
			count(proposal.laCode ?? laAt(lon, lat), proposal.kind, proposal.places);
			continue;
		}
		const p = providers.byUrn.get(proposal.urn);
		if (p === undefined) continue;
		const kind = PROVISION_KINDS[providers.kind[p]];
		const from = context.laCodes[providers.laIndex[p]] ?? null;
		count(from, kind, -providers.places[p]);
		if (proposal.action === 'move') count(laAt(...proposal.location), kind, providers.places[p]);
	}
	return { las, region };
}
