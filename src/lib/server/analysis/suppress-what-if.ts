import type { WhatIfArea, WhatIfResult } from '$lib/domain/analysis';
import { suppressColumn, suppressedPercentage, type Withheld } from '$lib/domain/suppression';

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

const COUNTS = [
	'withPlacementLocation',
	'over20Miles',
	'couldLiveWithin20Before',
	'couldLiveWithin20After',
	'gained',
	'over20Before',
	'over20After'
] as const;
type Count = (typeof COUNTS)[number];

function countOf(area: WhatIfArea, key: Count): number {
	if (key === 'over20Before') return area.over20Miles - area.couldLiveWithin20Before;
	return key === 'over20After' ? area.over20Miles - area.couldLiveWithin20After : area[key];
}

/**
 * A what-if as it may leave the owning LAs: each count column (per LA, with the region's total) gets
 * primary and secondary suppression; the reader's own LAs (`known`) are shown in full. Shares are
 * withheld with the counts they are made of.
 */
export function suppressWhatIf(result: WhatIfResult, known: (laCode: string) => boolean): PublicWhatIf {
	const columns = new Map<Count, { cells: Withheld[]; total: Withheld }>();
	for (const key of COUNTS) {
		columns.set(
			key,
			suppressColumn(
				result.las.map((la) => countOf(la, key)),
				{ known: (row) => known(result.las[row].code) }
			)
		);
	}
	const area = (code: string, pick: (key: Count) => Withheld): PublicWhatIfArea => ({
		code,
		over20Miles: pick('over20Miles'),
		couldLiveWithin20Before: pick('couldLiveWithin20Before'),
		couldLiveWithin20After: pick('couldLiveWithin20After'),
		gained: pick('gained'),
		percentOver20MilesNow: suppressedPercentage(pick('over20Miles'), pick('withPlacementLocation')),
		percentOver20MilesBefore: suppressedPercentage(pick('over20Before'), pick('withPlacementLocation')),
		percentOver20MilesAfter: suppressedPercentage(pick('over20After'), pick('withPlacementLocation'))
	});
	const allKnown = result.las.length > 0 && result.las.every((la) => known(la.code));
	return {
		las: result.las.map((la, row) => area(la.code, (key) => columns.get(key)!.cells[row])),
		region: area(result.region.code, (key) =>
			allKnown ? { value: countOf(result.region, key), suppressed: false } : columns.get(key)!.total
		),
		milliseconds: result.milliseconds
	};
}
