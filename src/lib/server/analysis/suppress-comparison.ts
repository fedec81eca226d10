import type { WhatIfArea, WhatIfResult } from '$lib/domain/analysis';
import { plainPercentage, suppressedPercentage, type Withheld } from '$lib/domain/suppression';
import { sumRelation, suppressRelated, type Relation, type RelatedCell } from '$lib/domain/suppress-related';

/** One side of a comparison in one area, as it may leave the owning LAs. */
export interface PublicComparedSide {
	/** The share placed over 20 miles if every child who could moved within 20 miles, with the side's proposals. */
	percentOver20Miles: Withheld;
	/** Children placed over 20 miles whom the side's proposals would let live within 20 miles. */
	broughtWithin20Miles: Withheld;
}

export interface PublicComparedArea {
	code: string;
	/** The share placed over 20 miles today, as placed. */
	percentOver20MilesNow: Withheld;
	a: PublicComparedSide;
	b: PublicComparedSide;
}

export interface PublicComparison {
	las: PublicComparedArea[];
	region: PublicComparedArea;
}

/** Counts one area holds whatever the side: the children with a location, and who could move without proposals. */
const SHARED = ['withPlacementLocation', 'within20Miles', 'over20Miles', 'before', 'over20Before'] as const;
/** Counts of each side: who could move with its proposals, its gain, who would stay over 20 miles. */
const SIDE = ['after', 'gained', 'over20After'] as const;
type Shared = (typeof SHARED)[number];
type Side = (typeof SIDE)[number];

function sharedCount(area: WhatIfArea, key: Shared): number {
	switch (key) {
		case 'within20Miles':
			return area.withPlacementLocation - area.over20Miles;
		case 'before':
			return area.couldLiveWithin20Before;
		case 'over20Before':
			return area.over20Miles - area.couldLiveWithin20Before;
		default:
			return area[key];
	}
}

function sideCount(area: WhatIfArea, key: Side): number {
	switch (key) {
		case 'after':
			return area.couldLiveWithin20After;
		case 'gained':
			return area.gained;
		case 'over20After':
			return area.over20Miles - area.couldLiveWithin20After;
	}
}

interface AreaCells {
	shared: Record<Shared, number>;
	a: Record<Side, number>;
	b: Record<Side, number>;
	/** after(a) - after(b): what a reader works out by setting the two sides beside each other. */
	difference: number;
}

/**
 * Two what-ifs of the same region (two scenarios, or a scenario and "today", the what-if with no
 * proposals) set side by side, suppressed as one response: both sides share their children (the same
 * denominators, the same over-20 counts, the same matching before proposals), each side's figures are
 * tied as in suppressWhatIf, every LA adds up to the region, and the difference between the two sides
 * (which anyone reading them together works out) is a figure of its own, so a small difference between
 * two scenarios is protected like a small gain. The reader's own LAs (`known`) are shown in full.
 */
export function suppressComparison(
	a: WhatIfResult,
	b: WhatIfResult,
	known: (laCode: string) => boolean
): PublicComparison {
	const codes = a.las.map((la) => la.code);
	if (b.las.length !== codes.length || b.las.some((la, i) => la.code !== codes[i]))
		throw new Error('suppressComparison: both sides must list the same LAs in the same order');
	const cells: RelatedCell[] = [];
	const relations: Relation[] = [];
	const cell = (value: number, own: boolean, signed = false) => cells.push({ value, known: own, signed }) - 1;
	const areasA = [...a.las, a.region];
	const areasB = [...b.las, b.region];
	const ids: AreaCells[] = areasA.map((areaA, i) => {
		const areaB = areasB[i];
		const own = i < a.las.length && known(areaA.code);
		const shared = Object.fromEntries(
			SHARED.map((key) => [key, cell(sharedCount(areaA, key), own)])
		) as Record<Shared, number>;
		const side = (area: WhatIfArea) =>
			Object.fromEntries(
				SIDE.map((key) => [key, cell(sideCount(area, key), own, key === 'gained')])
			) as Record<Side, number>;
		const sideA = side(areaA);
		const sideB = side(areaB);
		const difference = cell(areaA.couldLiveWithin20After - areaB.couldLiveWithin20After, own, true);
		relations.push(
			sumRelation(shared.withPlacementLocation, [shared.within20Miles, shared.over20Miles]),
			sumRelation(shared.over20Miles, [shared.before, shared.over20Before])
		);
		for (const s of [sideA, sideB])
			relations.push(
				sumRelation(shared.over20Miles, [s.after, s.over20After]),
				sumRelation(s.after, [shared.before, s.gained])
			);
		relations.push(sumRelation(sideA.after, [sideB.after, difference]));
		return { shared, a: sideA, b: sideB, difference };
	});
	const region = ids[ids.length - 1];
	const las = ids.slice(0, -1);
	for (const key of SHARED)
		relations.push(
			sumRelation(
				region.shared[key],
				las.map((id) => id.shared[key])
			)
		);
	for (const s of ['a', 'b'] as const)
		for (const key of SIDE)
			relations.push(
				sumRelation(
					region[s][key],
					las.map((id) => id[s][key])
				)
			);
	relations.push(
		sumRelation(
			region.difference,
			las.map((id) => id.difference)
		)
	);
	const out = suppressRelated(cells, relations);

	const area = (i: number, own: boolean): PublicComparedArea => {
		const id = ids[i];
		const whole = sharedCount(areasA[i], 'withPlacementLocation');
		const share = (cellId: number, value: number) =>
			own
				? plainPercentage(value, whole)
				: suppressedPercentage(out[cellId], out[id.shared.withPlacementLocation]);
		const side = (s: 'a' | 'b', source: WhatIfArea): PublicComparedSide => ({
			percentOver20Miles: share(id[s].over20After, sideCount(source, 'over20After')),
			broughtWithin20Miles: out[id[s].gained]
		});
		return {
			code: areasA[i].code,
			percentOver20MilesNow: share(id.shared.over20Miles, areasA[i].over20Miles),
			a: side('a', areasA[i]),
			b: side('b', areasB[i])
		};
	};
	const allKnown = a.las.length > 0 && a.las.every((la) => known(la.code));
	return {
		las: a.las.map((la, i) => area(i, known(la.code))),
		region: area(ids.length - 1, allKnown)
	};
}
