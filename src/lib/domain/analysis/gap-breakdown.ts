import { cellToLatLng, latLngToCell } from 'h3-js';
import type { AnalysisContext } from './analysis-context';
import type { CoverageGaps } from './coverage-gaps';
import { haversineMiles } from './haversine-miles';
import { PROVISION_KINDS } from './provision-kinds';
import type { ProvisionKind } from './types';

/**
 * DfE's age groups for children looked after, with 16 and 17 kept apart from care leavers' ages so a
 * proposed home for "16-17" reads as the placement supported accommodation offers.
 */
export const GAP_AGE_BANDS = [
	{ id: 'under 1', ageMin: 0, ageMax: 0 },
	{ id: '1-4', ageMin: 1, ageMax: 4 },
	{ id: '5-9', ageMin: 5, ageMax: 9 },
	{ id: '10-15', ageMin: 10, ageMax: 15 },
	{ id: '16-17', ageMin: 16, ageMax: 17 },
	{ id: '18 and over', ageMin: 18, ageMax: 25 }
] as const;

export type GapAgeBand = (typeof GAP_AGE_BANDS)[number]['id'];

export function gapAgeBand(age: number) {
	return GAP_AGE_BANDS.find((band) => age <= band.ageMax) ?? GAP_AGE_BANDS[GAP_AGE_BANDS.length - 1];
}

/** One kind of placement for one age band: a column of the breakdown. */
export interface GapGroup {
	kind: ProvisionKind;
	ageBand: GapAgeBand;
	ageMin: number;
	ageMax: number;
	/** Children of the group with each need (a child may have several), by LA code then need. */
	needsByLa: Record<string, Record<string, number>>;
	/**
	 * Vacancies of this kind (any ages and needs) within the threshold of the cell's centre: what is
	 * near but does not fit these children (reference data, not children's).
	 */
	vacanciesNearby: number;
}

export interface GapBreakdown {
	cell: string;
	groups: GapGroup[];
	/** Children per LA code, one count a group (rows of the breakdown). */
	byLa: Record<string, number[]>;
}

/**
 * Who is unserved in each gap cell: the same children `coverageGaps` counts (placed over the threshold
 * with no suitable vacancy within it), split by the provision they need, their age band and LA, with
 * their needs, so a proposed home can be made to fit them. Groups are ordered by kind, then age band.
 */
export function gapBreakdown(context: AnalysisContext, gaps: CoverageGaps): GapBreakdown[] {
	const { children, providers, thresholdMiles, laCodes, needs } = context;
	const byCell = new Map(gaps.ranked.map((cell) => [cell.cell, cell]));
	const wanted = new Map(gaps.ranked.map((cell) => [cell.cell, new Map<string, GapGroup>()]));
	const rowsOf = new Map<GapGroup, Record<string, number>>();
	const needNames = [...needs.bits.keys()];
	for (let c = 0; c < children.count; c++) {
		if (!isUnservedFarPlaced(context, c)) continue;
		const cellId = latLngToCell(children.homeLat[c], children.homeLon[c], gaps.resolution);
		const groups = wanted.get(cellId);
		const laCode = laCodes[children.laIndex[c]];
		// Only the children the gap counted (coverageGaps may be limited to some LAs).
		if (!groups || !(laCode in byCell.get(cellId)!.byLa)) continue;
		const kind = PROVISION_KINDS[children.provision[c]];
		const band = gapAgeBand(children.age[c]);
		const key = `${kind}|${band.id}`;
		let group = groups.get(key);
		if (!group) {
			group = {
				kind,
				ageBand: band.id,
				ageMin: band.ageMin,
				ageMax: band.ageMax,
				needsByLa: {},
				vacanciesNearby: 0
			};
			groups.set(key, group);
			rowsOf.set(group, {});
		}
		const rows = rowsOf.get(group)!;
		rows[laCode] = (rows[laCode] ?? 0) + 1;
		const laNeeds = (group.needsByLa[laCode] ??= {});
		for (const need of needNames) {
			const bit = needs.bits.get(need)!;
			if (children.needMask[c * needs.words + (bit >>> 5)] & (1 << (bit & 31)))
				laNeeds[need] = (laNeeds[need] ?? 0) + 1;
		}
	}
	const kindOrder = (kind: ProvisionKind) => PROVISION_KINDS.indexOf(kind);
	const bandOrder = (id: GapAgeBand) => GAP_AGE_BANDS.findIndex((band) => band.id === id);
	return gaps.ranked.map((cell) => {
		const [lat, lon] = cellToLatLng(cell.cell);
		const groups = [...wanted.get(cell.cell)!.values()].sort(
			(a, b) => kindOrder(a.kind) - kindOrder(b.kind) || bandOrder(a.ageBand) - bandOrder(b.ageBand)
		);
		for (const group of groups) {
			const kind = kindOrder(group.kind);
			for (let p = 0; p < providers.count; p++) {
				if (providers.kind[p] !== kind || providers.vacancies[p] <= 0) continue;
				if (haversineMiles(lon, lat, providers.lon[p], providers.lat[p]) <= thresholdMiles)
					group.vacanciesNearby += providers.vacancies[p];
			}
		}
		const byLa: Record<string, number[]> = {};
		for (const code of Object.keys(cell.byLa).sort())
			byLa[code] = groups.map((g) => rowsOf.get(g)![code] ?? 0);
		return { cell: cell.cell, groups, byLa };
	});
}

/** The children a gap is made of: placed over the threshold, needing provision, none suitable within it. */
export function isUnservedFarPlaced(context: AnalysisContext, c: number): boolean {
	const { children, thresholdMiles } = context;
	return (
		children.miles[c] > thresholdMiles &&
		children.provision[c] >= 0 &&
		!(children.nearestMiles[c] <= thresholdMiles)
	);
}
