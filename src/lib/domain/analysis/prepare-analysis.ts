import {
	LA_TOTAL_FIELDS,
	type AnalysisContext,
	type ChildColumns,
	type KDIndex,
	type ProviderColumns,
	type WhatIfBase
} from './analysis-context';
import { distanceBandIndex, OVER_MILES } from './distance-band';
import { nearestSuitable } from './find-vacancies';
import { haversineMiles } from './haversine-miles';
import { kdIndex } from './kd-index';
import { createNeedMasks, type NeedMasks } from './need-masks';
import { parseAnalysisInput } from './parse-analysis-input';
import { createPointMemo } from './point-memo';
import { createPolygonIndex } from './polygon-index';
import {
	FOSTERING_KIND_INDEX,
	PROVISION_KINDS,
	provisionIndexFor,
	provisionKindIndex
} from './provision-kinds';
import type { AnalysisInput } from './types';
import { buildVacancyMatching, pointOnlyKinds } from './vacancy-matching';

export interface PrepareOptions {
	/** Distance that counts as far from home (DfE: over 20 miles). */
	thresholdMiles?: number;
	/** How far to look for each child's nearest suitable vacancy. */
	nearestRadiusMiles?: number;
	/**
	 * Validate with zod first (default true). Pass false only for input this process built and typed
	 * itself (the benchmark's synthetic England); anything from a request, a file or another thread
	 * goes through `parseAnalysisInput`.
	 */
	validate?: boolean;
	/** Receives how long each phase took, in milliseconds (benchmarks). */
	onPhase?: (
		phase: 'validate' | 'index' | 'distances' | 'nearest' | 'matching',
		milliseconds: number
	) => void;
}

/**
 * The full analysis, done once: per child distance, band, inside/outside LA and RCC and nearest
 * suitable vacancy. Everything later (summaries, gaps, what-if, map queries) reads this context; the
 * what-if's own starting point is built on first use (see AnalysisContext.whatIfBase).
 */
export function prepareAnalysis(raw: AnalysisInput, options: PrepareOptions = {}): AnalysisContext {
	let clock = performance.now();
	const lap = (phase: Parameters<NonNullable<PrepareOptions['onPhase']>>[0]) => {
		const now = performance.now();
		options.onPhase?.(phase, now - clock);
		clock = now;
	};
	const input = options.validate === false ? raw : parseAnalysisInput(raw);
	lap('validate');
	const thresholdMiles = options.thresholdMiles ?? OVER_MILES;
	// Never below the threshold: gaps read "no suitable vacancy within 20 miles" from the nearest.
	const nearestRadiusMiles = Math.max(options.nearestRadiusMiles ?? 50, thresholdMiles);

	const polygons = createPolygonIndex(input.boundaries);
	// LA indexes: boundaries first (so a polygon index is an LA index), then codes seen only in data.
	const laCodes: string[] = [...polygons.codes];
	const laIndexByCode = new Map<string, number>();
	laCodes.forEach((code, index) => {
		if (!laIndexByCode.has(code)) laIndexByCode.set(code, index);
	});
	const laIndex = (code: string) => {
		let index = laIndexByCode.get(code);
		if (index === undefined) {
			index = laCodes.push(code) - 1;
			laIndexByCode.set(code, index);
		}
		return index;
	};

	const rccMembers = input.rccs.map((rcc) => rcc.laCodes.map(laIndex));
	const rccIndexById = new Map(input.rccs.map((rcc, index) => [rcc.id, index]));

	const vocabulary = new Set<string>();
	for (const child of input.children) for (const need of child.needs) vocabulary.add(need);
	for (const home of input.homes) for (const need of home.needs) vocabulary.add(need);
	for (const carers of input.fostering) for (const need of carers.needs ?? []) vocabulary.add(need);
	const needs = createNeedMasks(vocabulary);

	const providers = providerColumns(input, laIndex, needs);
	const vacancyIndexes = PROVISION_KINDS.map((_, kind) =>
		indexOf(providers, (p) => providers.kind[p] === kind && providers.vacancies[p] > 0)
	);
	const providerIndex = indexOf(providers, () => true);

	const rccsOfLaLists: number[][] = [];
	rccMembers.forEach((members, rcc) => {
		for (const la of members) (rccsOfLaLists[la] ??= []).push(rcc);
	});
	const children = childColumns(input, laIndex, (la) => rccsOfLaLists[la] ?? [], rccIndexById, needs);
	const rccLaSets = rccMembers.map((members) => new Set(members));
	const rccComplete = rccMembers.map((members) => members.every((la) => la < polygons.codes.length));
	lap('index');

	for (let c = 0; c < children.count; c++) {
		const lon = children.placementLon[c];
		const lat = children.placementLat[c];
		if (Number.isNaN(lon)) continue;
		const miles = haversineMiles(children.homeLon[c], children.homeLat[c], lon, lat);
		children.miles[c] = miles;
		children.band[c] = distanceBandIndex(miles);
		const homeLa = polygons.indexOf(input.children[c].laCode);
		const inside = homeLa >= 0 && polygons.contains(homeLa, lon, lat);
		const placedIn = inside ? homeLa : polygons.locate(lon, lat);
		children.placementLa[c] = placedIn;
		children.insideLa[c] = homeLa >= 0 ? (inside ? 1 : 0) : -1;
		const rccs = children.rccs[c];
		if (rccs.length) {
			// Inside when the placement lies in any member LA of any of the child's RCCs.
			const placedLa = children.placementLa[c];
			if (rccs.some((rcc) => rccLaSets[rcc].has(placedLa))) children.insideRcc[c] = 1;
			// Outside only if every member LA has a boundary to be outside of; otherwise unknown.
			else if (rccs.every((rcc) => rccComplete[rcc])) children.insideRcc[c] = 0;
		}
	}

	lap('distances');

	const query = {
		lon: 0,
		lat: 0,
		age: 0,
		needMask: children.needMask,
		needOffset: 0,
		needWords: needs.words
	};
	const miles = new Float64Array(1);
	const pointOnly = pointOnlyKinds(providers, PROVISION_KINDS.length);
	// Per kind: home point -> a child already answered there.
	const samePoint = PROVISION_KINDS.map((_, kind) => (pointOnly[kind] ? createPointMemo() : null));
	for (let c = 0; c < children.count; c++) {
		const kind = children.provision[c];
		if (kind < 0) continue;
		const memo = samePoint[kind];
		const earlier = memo?.get(children.homeLon[c], children.homeLat[c]);
		if (earlier !== undefined) {
			children.nearestProvider[c] = children.nearestProvider[earlier];
			children.nearestMiles[c] = children.nearestMiles[earlier];
			continue;
		}
		memo?.set(children.homeLon[c], children.homeLat[c], c);
		query.lon = children.homeLon[c];
		query.lat = children.homeLat[c];
		query.age = children.age[c];
		query.needOffset = c * needs.words;
		const index = vacancyIndexes[kind];
		const nearest = index ? nearestSuitable(index, providers, query, nearestRadiusMiles, miles) : -1;
		if (nearest >= 0) {
			children.nearestProvider[c] = nearest;
			children.nearestMiles[c] = miles[0];
		}
	}
	lap('nearest');
	// Only radius queries and lines need children's homes indexed: build that on first use.
	let childIndex: KDIndex | null | undefined;
	const childIndexOnce = () =>
		childIndex !== undefined
			? childIndex
			: (childIndex = children.count
					? kdIndex(
							Int32Array.from({ length: children.count }, (_, c) => c),
							children.homeLon,
							children.homeLat,
							64
						)
					: null);
	let whatIfBase: WhatIfBase | undefined;
	const whatIfBaseOnce = (): WhatIfBase => {
		if (whatIfBase) return whatIfBase;
		const matching = buildVacancyMatching(
			children,
			providers,
			vacancyIndexes,
			thresholdMiles,
			needs.words,
			pointOnly
		);
		const laTotals = new Float64Array(laCodes.length * LA_TOTAL_FIELDS);
		for (let c = 0; c < children.count; c++) {
			const base = children.laIndex[c] * LA_TOTAL_FIELDS;
			laTotals[base]++;
			if (Number.isNaN(children.miles[c])) continue;
			laTotals[base + 1]++;
			if (children.miles[c] > thresholdMiles) laTotals[base + 2]++;
		}
		for (let d = 0; d < matching.demand.length; d++) {
			if (matching.base.assigned[d] >= 0)
				laTotals[children.laIndex[matching.demand[d]] * LA_TOTAL_FIELDS + 3]++;
		}
		return (whatIfBase = { matching, laTotals });
	};

	return {
		input,
		thresholdMiles,
		nearestRadiusMiles,
		polygons,
		laCodes,
		laIndexByCode,
		rccsOfLa: laCodes.map((_, la) => rccsOfLaLists[la] ?? []),
		rccMembers,
		needs,
		children,
		providers,
		vacancyIndexes,
		providerIndex,
		childIndex: childIndexOnce,
		whatIfBase: whatIfBaseOnce
	};
}

function indexOf(providers: ProviderColumns, include: (p: number) => boolean): KDIndex | null {
	const ids: number[] = [];
	for (let p = 0; p < providers.count; p++) if (include(p)) ids.push(p);
	if (!ids.length) return null;
	return kdIndex(Int32Array.from(ids), providers.lon, providers.lat);
}

function providerColumns(
	input: AnalysisInput,
	laIndex: (code: string) => number,
	needs: NeedMasks
): ProviderColumns {
	const count = input.homes.length + input.fostering.length;
	const columns: ProviderColumns = {
		count,
		refs: [],
		kind: new Int8Array(count),
		laIndex: new Int32Array(count),
		lon: new Float64Array(count),
		lat: new Float64Array(count),
		ageMin: new Int16Array(count),
		ageMax: new Int16Array(count),
		needMask: new Uint32Array(count * needs.words),
		anyNeeds: new Uint8Array(count),
		places: new Int32Array(count),
		vacancies: new Int32Array(count),
		byUrn: new Map()
	};
	const byUrn = columns.byUrn as Map<string, number>;
	input.homes.forEach((home, p) => {
		columns.refs.push({ type: 'home', urn: home.urn });
		byUrn.set(home.urn, p);
		columns.kind[p] = provisionKindIndex(home.kind);
		columns.laIndex[p] = laIndex(home.laCode);
		columns.lon[p] = home.location[0];
		columns.lat[p] = home.location[1];
		columns.ageMin[p] = home.ageMin;
		columns.ageMax[p] = home.ageMax;
		needs.write(home.needs, columns.needMask, p * needs.words);
		columns.places[p] = home.places;
		columns.vacancies[p] = home.vacancies;
	});
	input.fostering.forEach((carers, i) => {
		const p = input.homes.length + i;
		columns.refs.push({ type: 'fostering', laCode: carers.laCode });
		columns.kind[p] = FOSTERING_KIND_INDEX;
		columns.laIndex[p] = laIndex(carers.laCode);
		columns.lon[p] = carers.location[0];
		columns.lat[p] = carers.location[1];
		columns.ageMin[p] = 0;
		columns.ageMax[p] = 25;
		if (carers.needs) needs.write(carers.needs, columns.needMask, p * needs.words);
		else columns.anyNeeds[p] = 1;
		columns.places[p] = carers.places;
		columns.vacancies[p] = carers.vacancies;
	});
	return columns;
}

function childColumns(
	input: AnalysisInput,
	laIndex: (code: string) => number,
	rccsOfLa: (la: number) => number[],
	rccIndexById: ReadonlyMap<string, number>,
	needs: NeedMasks
): ChildColumns {
	const needWords = needs.words;
	const count = input.children.length;
	const columns: ChildColumns = {
		count,
		laIndex: new Int32Array(count),
		homeLon: new Float64Array(count),
		homeLat: new Float64Array(count),
		placementLon: new Float64Array(count).fill(NaN),
		placementLat: new Float64Array(count).fill(NaN),
		miles: new Float64Array(count).fill(NaN),
		band: new Int8Array(count).fill(-1),
		insideLa: new Int8Array(count).fill(-1),
		insideRcc: new Int8Array(count).fill(-1),
		placementLa: new Int32Array(count).fill(-1),
		provision: new Int8Array(count),
		age: new Int16Array(count),
		needMask: new Uint32Array(count * needWords),
		rccs: [],
		nearestProvider: new Int32Array(count).fill(-1),
		nearestMiles: new Float64Array(count).fill(NaN)
	};
	const rccs = columns.rccs as number[][];
	input.children.forEach((child, c) => {
		const la = laIndex(child.laCode);
		columns.laIndex[c] = la;
		// Index access, not destructuring: this loop runs 100,000 times and array destructuring iterates.
		columns.homeLon[c] = child.home[0];
		columns.homeLat[c] = child.home[1];
		if (child.placement) {
			columns.placementLon[c] = child.placement[0];
			columns.placementLat[c] = child.placement[1];
		}
		columns.provision[c] = provisionIndexFor(child.placementType);
		columns.age[c] = child.age;
		needs.write(child.needs, columns.needMask, c * needWords);
		rccs.push(
			child.rccIds
				? child.rccIds.map((id) => rccIndexById.get(id)).filter((rcc): rcc is number => rcc !== undefined)
				: rccsOfLa(la)
		);
	});
	return columns;
}
