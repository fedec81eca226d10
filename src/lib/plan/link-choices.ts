import { booleanPointInPolygon, distance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { cellToLatLng } from 'h3-js';
import { SMALL_COUNT_MAX, SUPPRESSED_LABEL } from '../domain/suppression';
import type { ActionLink } from './schema';

/** A ranked gap cell as GET /api/rccs/:id/gaps.json publishes it (cells under 5 children already dropped). */
export interface GapChoiceInput {
	cell: string;
	rank: number;
	children: number;
}

/** An LA boundary as boundaries.geojson serves it (members and the context LAs around them). */
export type LaArea = Feature<
	Polygon | MultiPolygon,
	{ code: string; name: string; member: boolean; labelLon: number; labelLat: number }
>;

export interface HomeChoiceInput {
	urn: string;
	laName: string;
	sector: string;
	owner: string | null;
}

export interface LinkChoice {
	link: ActionLink;
	/** Lower-case words a search matches: the label and, for homes, the owner. */
	search: string;
}

export interface LinkChoiceGroups {
	gaps: LinkChoice[];
	las: LinkChoice[];
	homes: LinkChoice[];
}

/**
 * The LA a gap cell lies in (a member first: cells near the region's edge overlap its neighbours), else
 * the member whose label point is nearest, so that a label can say where the gap is in words.
 */
export function gapPlaceName(cell: string, areas: readonly LaArea[]): string | null {
	const [lat, lon] = cellToLatLng(cell);
	const point: [number, number] = [lon, lat];
	const members = areas.filter((area) => area.properties.member);
	const inside = (list: readonly LaArea[]) => list.find((area) => booleanPointInPolygon(point, area));
	const found = inside(members) ?? inside(areas);
	if (found) return found.properties.name;
	let nearest: { name: string; miles: number } | null = null;
	for (const area of members) {
		const miles = distance(point, [area.properties.labelLon, area.properties.labelLat], { units: 'miles' });
		if (!nearest || miles < nearest.miles) nearest = { name: area.properties.name, miles };
	}
	return nearest?.name ?? null;
}

/**
 * "Gap 3: 24 children, near Wigan". The count is checked again here although the server drops cells
 * under five: the label is frozen into the plan and published, so it must never carry a small number.
 */
export function gapLinkLabel(gap: GapChoiceInput, place: string | null): string {
	const children = gap.children > SMALL_COUNT_MAX ? String(gap.children) : SUPPRESSED_LABEL;
	return `Gap ${gap.rank}: ${children} children${place ? `, near ${place}` : ''}`;
}

export function homeLinkLabel(home: HomeChoiceInput): string {
	return `Children's home ${home.urn}, ${home.laName}`;
}

export function laLinkLabel(name: string): string {
	return `${name} (LA)`;
}

/** Everything an action can be linked to on the RCC's map, each with its label frozen now. */
export function linkChoices(input: {
	gaps: readonly GapChoiceInput[];
	areas: readonly LaArea[];
	las: readonly { code: string; name: string }[];
	homes: readonly HomeChoiceInput[];
}): LinkChoiceGroups {
	const choice = (link: ActionLink, extra = ''): LinkChoice => ({
		link,
		search: `${link.label} ${extra}`.toLowerCase()
	});
	return {
		gaps: input.gaps
			.filter((gap) => gap.children > SMALL_COUNT_MAX)
			.map((gap) =>
				choice({ kind: 'gap', cell: gap.cell, label: gapLinkLabel(gap, gapPlaceName(gap.cell, input.areas)) })
			),
		las: input.las.map((la) => choice({ kind: 'la', code: la.code, label: laLinkLabel(la.name) })),
		homes: [...input.homes]
			.sort((a, b) => a.laName.localeCompare(b.laName) || a.urn.localeCompare(b.urn))
			.map((home) =>
				choice(
					{ kind: 'home', urn: home.urn, label: homeLinkLabel(home) },
					`${home.owner ?? ''} ${home.sector}`
				)
			)
	};
}

/** The choices whose label (or a home's owner) holds every word typed, in any order. */
export function findLinkChoices(choices: readonly LinkChoice[], query: string): LinkChoice[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	return choices.filter((choice) => words.every((word) => choice.search.includes(word)));
}
