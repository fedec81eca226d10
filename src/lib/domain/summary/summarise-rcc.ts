import type { AreaSummary, Compared, RccSummary } from '../types';
import type { PublishedFigures } from './published';
import {
	emptyTally,
	tallyByLa,
	type ChildPlacement,
	type FosteringCapacity,
	type HomeCapacity,
	type Tally
} from './tally';

export interface SummaryInput {
	rcc: RccSummary['rcc'];
	/** The member LAs, in the order they are to be listed. */
	las: { code: string; name: string; published: PublishedFigures }[];
	children: Iterable<ChildPlacement>;
	homes: Iterable<HomeCapacity>;
	fostering: Iterable<FosteringCapacity>;
	sources: string[];
}

/** Percentages to one decimal place; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
	return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}

/** The total of figures that must all be known: one unknown member leaves the region's total unknown. */
function sumAll(values: (number | null)[]): number | null {
	let total = 0;
	for (const value of values) {
		if (value === null) return null;
		total += value;
	}
	return total;
}

function compared(computed: number | null, published: number | null): Compared {
	return { computed, published };
}

/**
 * One area's figures. Child figures are null where the data holds no child records for the area (an LA
 * whose records are not loaded is not an LA with no children in care); for a region, when any member
 * LA holds none, since a partial total would read as the region's.
 */
function areaSummary(
	code: string,
	name: string,
	tally: Tally,
	options: { childRecordsComplete: boolean; published: PublishedFigures }
): AreaSummary {
	const { published } = options;
	const held = options.childRecordsComplete && tally.children > 0;
	return {
		code,
		name,
		childrenLookedAfter: compared(held ? tally.children : null, published.childrenLookedAfter),
		percentOutsideLa: compared(
			held ? percent(tally.outsideLa, tally.children) : null,
			published.percentOutsideLa
		),
		percentOver20Miles: compared(
			held ? percent(tally.over20Miles, tally.children) : null,
			published.percentOver20Miles
		),
		homes: compared(tally.homes, published.ofstedHomes),
		places: compared(tally.places, published.ofstedPlaces),
		// Ofsted publishes no vacancies: they come from providers' returns only.
		vacancies: compared(tally.vacancies, null),
		fosteringPlaces: compared(tally.fosteringPlaces, published.fosteringPlaces)
	};
}

/**
 * A region's published percentage from its members': exact from the published counts when every member
 * has them, else weighted by each member's children from the (rounded) published shares, else unknown.
 */
function regionPercent(
	members: PublishedFigures[],
	count: 'outsideLa' | 'over20Miles',
	share: 'percentOutsideLa' | 'percentOver20Miles'
): number | null {
	const children = sumAll(members.map((m) => m.childrenLookedAfter));
	if (children === null) return null;
	const counted = sumAll(members.map((m) => m[count]));
	if (counted !== null) return percent(counted, children);
	const weighted = sumAll(
		members.map((m) =>
			m[share] === null || m.childrenLookedAfter === null ? null : (m[share] * m.childrenLookedAfter) / 100
		)
	);
	return weighted === null ? null : percent(weighted, children);
}

/**
 * A region's published figures from its members'. DfE withholds every figure of an LA that looks after
 * only a handful of children (City of London, Isles of Scilly): such members are left out of the
 * region's child figures, which then stay within a few children of DfE's own regional totals, instead
 * of leaving England's unknown. Any other member's missing figure leaves the region's unknown.
 */
function regionPublished(members: PublishedFigures[]): PublishedFigures {
	const counted = members.filter((m) => m.childrenLookedAfter !== null);
	const childFigure = <T>(figure: T): T | null => (counted.length > 0 ? figure : null);
	return {
		childrenLookedAfter: childFigure(sumAll(counted.map((m) => m.childrenLookedAfter))),
		percentOutsideLa: childFigure(regionPercent(counted, 'outsideLa', 'percentOutsideLa')),
		outsideLa: childFigure(sumAll(counted.map((m) => m.outsideLa))),
		percentOver20Miles: childFigure(regionPercent(counted, 'over20Miles', 'percentOver20Miles')),
		over20Miles: childFigure(sumAll(counted.map((m) => m.over20Miles))),
		ofstedHomes: sumAll(members.map((m) => m.ofstedHomes)),
		ofstedPlaces: sumAll(members.map((m) => m.ofstedPlaces)),
		fosteringPlaces: sumAll(members.map((m) => m.fosteringPlaces))
	};
}

function addTallies(tallies: Tally[]): Tally {
	const total = emptyTally();
	for (const tally of tallies) {
		total.children += tally.children;
		total.outsideLa += tally.outsideLa;
		total.over20Miles += tally.over20Miles;
		total.homes += tally.homes;
		total.places += tally.places;
		total.vacancies += tally.vacancies;
		if (tally.fosteringPlaces !== null)
			total.fosteringPlaces = (total.fosteringPlaces ?? 0) + tally.fosteringPlaces;
	}
	return total;
}

/**
 * Per member LA and for the region: the figures computed from the data beside those DfE and Ofsted
 * published. "Outside the LA" counts a placement whose LA differs from the child's own LA, so for the
 * region it still means outside the child's own LA (not outside the region).
 */
export function summariseRcc(input: SummaryInput): RccSummary {
	const codes = input.las.map((la) => la.code);
	const tallies = tallyByLa(codes, input);
	const memberTallies = codes.map((code) => tallies.get(code) ?? emptyTally());
	const childRecordsComplete = memberTallies.every((tally) => tally.children > 0);
	return {
		rcc: input.rcc,
		las: input.las.map((la, i) =>
			areaSummary(la.code, la.name, memberTallies[i], { childRecordsComplete: true, published: la.published })
		),
		region: areaSummary(input.rcc.id, input.rcc.name, addTallies(memberTallies), {
			childRecordsComplete,
			published: regionPublished(input.las.map((la) => la.published))
		}),
		sources: input.sources
	};
}
