import type { AnalysisContext, Proposal, ProvisionKind } from '$lib/domain/analysis';
import { whatIf } from '$lib/domain/analysis';
import { scenarioPlaces } from '$lib/server/analysis/scenario-places';
import { suppressComparison, type PublicComparedSide } from '$lib/server/analysis/suppress-comparison';
import type { Withheld } from '$lib/domain/suppression';
import type { Scenario } from '$lib/workshop/schema';
import { noPlaces, unitCostsWithDefaults, weeklyCost, type PlacesByKind } from '$lib/workshop/weekly-cost';

/** "today": the region with no proposals. */
export const TODAY = 'today';

/** A side as the comparison names it: a scenario of the map document, or today. */
export interface ComparedScenario {
	id: string;
	name: string;
	/** The proposals the figures are of: the scenario's valid ones whose homes exist. */
	proposals: Proposal[];
	/** Proposals left out: malformed ones (the reader's count) and moves or removals of unknown homes. */
	ignoredProposals: number;
	/** Pounds per place per week, by kind: the scenario's own, defaults for the rest. */
	unitCosts: Record<ProvisionKind, number>;
}

export interface ComparedSide extends PublicComparedSide {
	placesAdded: PlacesByKind;
	/** Pounds per week of the places added (negative when places are taken away). */
	weeklyCost: number;
}

export interface ComparedArea {
	code: string;
	percentOver20MilesNow: Withheld;
	a: ComparedSide;
	b: ComparedSide;
}

export interface ScenarioComparison {
	a: ComparedScenario;
	b: ComparedScenario;
	las: ComparedArea[];
	region: ComparedArea;
}

/** A scenario's side, with the proposals the what-if can take (homes it knows). */
export function comparedScenario(context: AnalysisContext, scenario: Scenario | null): ComparedScenario {
	if (!scenario)
		return {
			id: TODAY,
			name: 'Today',
			proposals: [],
			ignoredProposals: 0,
			unitCosts: unitCostsWithDefaults(null)
		};
	const known = scenario.proposals.filter(
		(proposal) => proposal.action === 'add' || context.providers.byUrn.has(proposal.urn)
	);
	return {
		id: scenario.id,
		name: scenario.name,
		proposals: known,
		ignoredProposals: scenario.ignoredProposals + scenario.proposals.length - known.length,
		unitCosts: unitCostsWithDefaults(scenario.unitCosts)
	};
}

/**
 * Two sides of the region set beside each other, per member LA and for the region: the share placed over
 * 20 miles and the children brought within 20 miles (what-if, suppressed together by suppressComparison),
 * and the places each adds by kind and their weekly cost (homes are public: shown as they are).
 */
export function compareScenarios(
	context: AnalysisContext,
	sides: { a: ComparedScenario; b: ComparedScenario },
	options: { rccId: string; members: readonly string[]; known: (laCode: string) => boolean }
): ScenarioComparison {
	const members = new Set(options.members);
	const run = (side: ComparedScenario) => {
		const result = whatIf(context, side.proposals, { rccId: options.rccId });
		result.las = result.las.filter((la) => members.has(la.code));
		return result;
	};
	const resultA = run(sides.a);
	const resultB = run(sides.b);
	const suppressed = suppressComparison(resultA, resultB, options.known);
	const codes = resultA.las.map((la) => la.code);
	const placesA = scenarioPlaces(context, sides.a.proposals, codes);
	const placesB = scenarioPlaces(context, sides.b.proposals, codes);
	const side = (
		figures: PublicComparedSide,
		places: PlacesByKind | undefined,
		scenario: ComparedScenario
	): ComparedSide => {
		const added = places ?? noPlaces();
		return { ...figures, placesAdded: added, weeklyCost: weeklyCost(added, scenario.unitCosts) };
	};
	const area = (figures: (typeof suppressed.las)[number], code: string | null): ComparedArea => ({
		code: figures.code,
		percentOver20MilesNow: figures.percentOver20MilesNow,
		a: side(figures.a, code ? placesA.las.get(code) : placesA.region, sides.a),
		b: side(figures.b, code ? placesB.las.get(code) : placesB.region, sides.b)
	});
	return {
		a: sides.a,
		b: sides.b,
		las: suppressed.las.map((la) => area(la, la.code)),
		region: area(suppressed.region, null)
	};
}
