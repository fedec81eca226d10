import { bbox, circle } from '@turf/turf';
import { PROVISION_LABELS } from '$lib/components/analysis/provision-labels';
import type { ProposedHome } from '$lib/components/analysis/analysis-state.svelte';
import type { Withheld } from '$lib/domain/suppression';
import { formatPercent } from '$lib/components/format';
import { extentFromView } from './extent-from-view';
import { MAX_CAPTION_LENGTH, type MapViewSpec } from './map-view-spec';

/** How far round each proposed home the view reaches: the distance the what-if measures against. */
const AROUND_MILES = 20;

type RegionShares = Record<
	'percentOver20MilesNow' | 'percentOver20MilesBefore' | 'percentOver20MilesAfter',
	Withheld
>;

/** A share as the panel shows it: a withheld one is said to be withheld, never given as a number. */
function share(value: Withheld): string {
	if (value.suppressed) return 'withheld';
	if (value.value === null || !Number.isFinite(value.value)) return 'not known';
	return formatPercent(value.value);
}

/** "3 Dec 2026 16:40", in England's time: the caption is stored text, read later by others. */
export function computedAt(at: Date): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/London',
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		})
			.formatToParts(at)
			.map((part) => [part.type, part.value])
	);
	return `${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}`;
}

function proposalText(home: ProposedHome, index: number): string {
	return `${index + 1}. ${PROVISION_LABELS[home.kind]}, ${home.places} places, ages ${home.ageMin}-${home.ageMax}`;
}

/**
 * The what-if as a live map view for a plan: the proposed homes and 20 miles round them (the region when
 * there are none), and a caption of the proposals and the region's share placed over 20 miles as the
 * panel shows it now. The map stays live but the caption is stored text, so it says when its figures were
 * computed; withheld figures stay words. Proposals that do not fit the caption limit are counted instead.
 */
export function whatIfMapView(
	proposals: readonly ProposedHome[],
	region: RegionShares,
	at: Date
): MapViewSpec {
	const boxes = proposals.map((home) =>
		bbox(circle(home.location, AROUND_MILES, { units: 'miles', steps: 32 }))
	);
	const { extent } = boxes.length
		? extentFromView(
				[
					Math.min(...boxes.map((box) => box[0])),
					Math.min(...boxes.map((box) => box[1])),
					Math.max(...boxes.map((box) => box[2])),
					Math.max(...boxes.map((box) => box[3]))
				],
				null
			)
		: { extent: null };
	const head = `What if, as computed on ${computedAt(at)} (figures as then): `;
	const shares =
		`. Region's children placed over 20 miles: ${share(region.percentOver20MilesNow)} today; if all who could moved, ` +
		`${share(region.percentOver20MilesBefore)} without and ${share(region.percentOver20MilesAfter)} with the proposals`;
	const room = MAX_CAPTION_LENGTH - head.length - shares.length;
	const texts = proposals.map(proposalText);
	// As many proposals as fit, the rest counted: the longest list that leaves the figures whole.
	const listing = (shown: number) =>
		[...texts.slice(0, shown), ...(shown < texts.length ? [`and ${texts.length - shown} more`] : [])].join(
			'; '
		);
	let shown = texts.length;
	while (shown > 0 && listing(shown).length > room) shown--;
	const what = texts.length ? listing(shown) : 'no proposed homes';
	return {
		layers: ['boundaries', 'hotspots', 'homes'],
		extent: extent ?? { kind: 'region' },
		caption: `${head}${what}${shares}`
	};
}
