import type { FocusTarget } from '$lib/domain/focus-param';
import type { MapData } from '$lib/map/feature-properties';
import type { LayerId } from '$lib/map/layers';
import type { Selection } from '$lib/map/view-state';

export interface FocusGap {
	cell: string;
	rank: number;
}

/** What the map does with a followed link: select an LA or a home, choose a gap cell, or say why not. */
export type FocusOutcome =
	| { kind: 'select'; selection: Exclude<Selection, null> }
	| { kind: 'gap'; cell: string; message: string }
	| { kind: 'problem'; message: string };

/**
 * Where a `?focus=` target is on this map, as this reader may see it. `gaps` are the region's ranked gaps
 * as published to the reader (null when the map has none: England); `gapsError` why they did not load.
 */
export function focusOutcome(
	target: FocusTarget,
	map: {
		data: MapData;
		restricted: readonly LayerId[];
		gaps: readonly FocusGap[] | null;
		gapsError: string | null;
	}
): FocusOutcome {
	switch (target.kind) {
		case 'la': {
			const found = map.data.boundaries.features.some((feature) => feature.properties.code === target.code);
			return found
				? { kind: 'select', selection: { kind: 'la', code: target.code } }
				: { kind: 'problem', message: `The linked local authority (${target.code}) is not on this map.` };
		}
		case 'home': {
			if (map.data.homes.features.some((feature) => feature.properties.urn === target.urn))
				return { kind: 'select', selection: { kind: 'home', urn: target.urn } };
			if (map.restricted.includes('homes'))
				return {
					kind: 'problem',
					message: `The link is to children's home ${target.urn}, but you may not see children's homes on this map.`
				};
			return {
				kind: 'problem',
				message: `Children's home ${target.urn} is not on this map: it may have closed, or belong to another region.`
			};
		}
		case 'gap': {
			if (map.gapsError)
				return {
					kind: 'problem',
					message: `The gaps could not be loaded (${map.gapsError}), so the linked gap cannot be shown.`
				};
			if (map.gaps === null)
				return { kind: 'problem', message: "Gaps are found per RCC: open the link on the RCC's own map." };
			const gap = map.gaps.find((cell) => cell.cell === target.cell);
			if (!gap)
				return {
					kind: 'problem',
					message:
						'The linked gap is not among the gaps now. Fewer than 5 children may be affected there now (smaller ' +
						'numbers are not shown), or the data has changed since the action was linked.'
				};
			return {
				kind: 'gap',
				cell: gap.cell,
				message: `Gap ${gap.rank}, from the link you followed, is outlined on the map.`
			};
		}
	}
}
