import type { WhatIfArea, WhatIfResult } from '$lib/domain/analysis';
import { plainPercentage, suppressedPercentage, type Withheld } from '$lib/domain/suppression';
import { sumRelation, suppressRelated, type Relation, type RelatedCell } from '$lib/domain/suppress-related';

export interface PublicWhatIfArea {
	code: string;
	over20Miles: Withheld;
	couldLiveWithin20Before: Withheld;
	couldLiveWithin20After: Withheld;
	gained: Withheld;
	percentOver20MilesNow: Withheld;
	/** If every child who could move within 20 miles did, without the proposals, and with them. */
	percentOver20MilesBefore: Withheld;
	percentOver20MilesAfter: Withheld;
}

export interface PublicWhatIf {
	las: PublicWhatIfArea[];
	region: PublicWhatIfArea;
	milliseconds: number;
}

/**
 * The counts of one area that the answer shows or implies: the three shares are of the children with a
 * placement location, so their denominator and the over-20 counts left before and after are figures too.
 */
const COUNTS = [
	'withPlacementLocation',
	'within20Miles',
	'over20Miles',
	'couldLiveWithin20Before',
	'couldLiveWithin20After',
	'gained',
	'over20Before',
	'over20After'
] as const;
type Count = (typeof COUNTS)[number];

function countOf(area: WhatIfArea, key: Count): number {
	switch (key) {
		case 'within20Miles':
			return area.withPlacementLocation - area.over20Miles;
		case 'over20Before':
			return area.over20Miles - area.couldLiveWithin20Before;
		case 'over20After':
			return area.over20Miles - area.couldLiveWithin20After;
		default:
			return area[key];
	}
}

/**
 * A what-if as it may leave the owning LAs. Its figures are related (over 20 miles = could move +
 * could not, before and after; gained = after - before; every LA's figures add up to the region's; the
 * shares divide by one denominator), so they are suppressed together (`suppressRelated`): no withheld
 * small count comes back by subtraction. The reader's own LAs (`known`) are shown in full; a share is
 * shown only when its count and its denominator are.
 */
export function suppressWhatIf(result: WhatIfResult, known: (laCode: string) => boolean): PublicWhatIf {
	const cells: RelatedCell[] = [];
	const relations: Relation[] = [];
	const ids = [...result.las, result.region].map((area, a) => {
		const own = a < result.las.length && known(area.code);
		const id = Object.fromEntries(
			COUNTS.map((key) => [
				key,
				cells.push({ value: countOf(area, key), known: own, signed: key === 'gained' }) - 1
			])
		) as Record<Count, number>;
		relations.push(
			sumRelation(id.withPlacementLocation, [id.within20Miles, id.over20Miles]),
			sumRelation(id.over20Miles, [id.couldLiveWithin20Before, id.over20Before]),
			sumRelation(id.over20Miles, [id.couldLiveWithin20After, id.over20After]),
			sumRelation(id.couldLiveWithin20After, [id.couldLiveWithin20Before, id.gained])
		);
		return id;
	});
	const region = ids[ids.length - 1];
	for (const key of COUNTS)
		relations.push(
			sumRelation(
				region[key],
				ids.slice(0, -1).map((id) => id[key])
			)
		);
	const out = suppressRelated(cells, relations);
	const area = (source: WhatIfArea, id: Record<Count, number>, own: boolean): PublicWhatIfArea => {
		const pick = (key: Count) => out[id[key]];
		// The reader's own figures are theirs: their shares need no check.
		const share = (part: Count) =>
			own
				? plainPercentage(countOf(source, part), source.withPlacementLocation)
				: suppressedPercentage(pick(part), pick('withPlacementLocation'));
		return {
			code: source.code,
			over20Miles: pick('over20Miles'),
			couldLiveWithin20Before: pick('couldLiveWithin20Before'),
			couldLiveWithin20After: pick('couldLiveWithin20After'),
			gained: pick('gained'),
			percentOver20MilesNow: share('over20Miles'),
			percentOver20MilesBefore: share('over20Before'),
			percentOver20MilesAfter: share('over20After')
		};
	};
	// Without LAs the region is all zeros: nothing to withhold either way.
	const allKnown = result.las.every((la) => known(la.code));
	return {
		las: result.las.map((la, i) => area(la, ids[i], known(la.code))),
		region: area(result.region, region, allKnown),
		milliseconds: result.milliseconds
	};
}
