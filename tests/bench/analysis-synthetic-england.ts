/**
 * A deterministic synthetic England for the analysis benchmark: the real 153 LA boundaries and MSOA
 * population-weighted centroids, children per LA in proportion to DfE 2025 counts with each LA's
 * published over-20-miles and outside-LA shares, homes per LA in proportion to Ofsted 2025 counts.
 * Same seed, same England.
 */
import { readFileSync } from 'node:fs';
import KDBush from 'kdbush';
import type { HomeKind, LonLat, PlacementType } from '../../src/lib/domain/types';
import type {
	AnalysisChild,
	AnalysisHome,
	AnalysisInput,
	FosteringCapacity,
	LaBoundary
} from '../../src/lib/domain/analysis';
import { haversineMiles } from '../../src/lib/domain/analysis';
import { seeded } from '../fixtures/analysis/random-input';

const DATA = process.env.SHARED_DATA ?? '/work/shared/data';

export const NEEDS = [
	'autism',
	'learning_disability',
	'emotional_behavioural',
	'sexual_exploitation',
	'mental_health',
	'physical_disability',
	'solo_placement',
	'parent_and_child'
];

interface LaRow {
	ctyua24cd: string;
	rgn_cd: string;
	cla_31mar_2025: number | null;
	cla31mar_over20mi_pct: number | null;
	cla31mar_outside_la_pct: number | null;
	ofsted_chomes_all_n_2025: number | null;
}

export function synthesiseEngland(
	options: { children?: number; homes?: number; seed?: number; boundaries?: 'bsc' | 'bgc' | 'buc' } = {}
): AnalysisInput {
	const childCount = options.children ?? 100_000;
	const homeCount = options.homes ?? 5_000;
	const next = seeded(options.seed ?? 20251125);
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];

	const boundaryFile = JSON.parse(
		readFileSync(`${DATA}/boundaries/england_ctyua_2024_${options.boundaries ?? 'bsc'}.geojson`, 'utf8')
	) as {
		features: { properties: { ctyua24cd: string; ctyua24nm: string }; geometry: LaBoundary['geometry'] }[];
	};
	const boundaries: LaBoundary[] = boundaryFile.features.map((f) => ({
		code: f.properties.ctyua24cd,
		name: f.properties.ctyua24nm,
		geometry: f.geometry
	}));
	const msoas = (
		JSON.parse(readFileSync(`${DATA}/points/england_msoa21_pwc.geojson`, 'utf8')) as {
			features: { properties: { ctyua24cd: string }; geometry: { coordinates: LonLat } }[];
		}
	).features.map((f) => ({ la: f.properties.ctyua24cd, at: f.geometry.coordinates }));
	const las = (JSON.parse(readFileSync(`${DATA}/stats/la_summary_2025.json`, 'utf8')) as { las: LaRow[] })
		.las;

	const msoasByLa = new Map<string, LonLat[]>();
	for (const m of msoas) {
		const list = msoasByLa.get(m.la) ?? [];
		list.push(m.at);
		msoasByLa.set(m.la, list);
	}
	const msoaIndex = new KDBush(msoas.length);
	for (const m of msoas) msoaIndex.add(m.at[0], m.at[1]);
	msoaIndex.finish();

	const jitter = (at: LonLat, degrees = 0.01): LonLat => [
		round(at[0] + (next() - 0.5) * degrees),
		round(at[1] + (next() - 0.5) * degrees)
	];
	const nearby = (at: LonLat) => msoaIndex.within(at[0], at[1], 0.25).map((i) => msoas[i]);

	const totalCla = las.reduce((sum, la) => sum + (la.cla_31mar_2025 ?? 0), 0);
	const children: AnalysisChild[] = [];
	const placementTypes: [PlacementType, number][] = [
		['foster', 0.68],
		['childrens_home', 0.13],
		['supported', 0.08],
		['residential_school', 0.01],
		['secure', 0.005],
		['other', 0.095]
	];
	const placementType = () => {
		let r = next();
		for (const [type, share] of placementTypes) if ((r -= share) < 0) return type;
		return 'other';
	};
	const needsOf = (max: number) => NEEDS.filter(() => next() < max / NEEDS.length);

	for (const la of las) {
		const own = msoasByLa.get(la.ctyua24cd);
		if (!own?.length) continue;
		const count = Math.round(((la.cla_31mar_2025 ?? 0) / totalCla) * childCount);
		const over = (la.cla31mar_over20mi_pct ?? 20) / 100;
		const outside = (la.cla31mar_outside_la_pct ?? 40) / 100;
		for (let i = 0; i < count; i++) {
			// DESIGN.md: a child's home is stored generalised, as a small-area centroid, never an address.
			const homeCentroid = pick(own);
			const home: LonLat = [homeCentroid[0], homeCentroid[1]];
			let placement: LonLat | null;
			const r = next();
			if (r < 0.03) placement = null;
			else if (r < 0.03 + over) {
				let far = pick(msoas).at;
				for (let tries = 0; tries < 10 && haversineMiles(home[0], home[1], far[0], far[1]) <= 20; tries++) {
					far = pick(msoas).at;
				}
				placement = jitter(far);
			} else if (r < 0.03 + Math.max(over, outside)) {
				const around = nearby(homeCentroid).filter((m) => m.la !== la.ctyua24cd);
				placement = jitter(around.length ? pick(around).at : pick(own));
			} else placement = jitter(pick(own));
			children.push({
				id: `c${children.length + 1}`,
				laCode: la.ctyua24cd,
				home,
				placement,
				placementType: placementType(),
				age: Math.floor(next() * 18),
				needs: needsOf(0.6)
			});
		}
	}
	while (children.length > childCount) children.pop();

	const totalHomes = las.reduce((sum, la) => sum + (la.ofsted_chomes_all_n_2025 ?? 0), 0);
	const homes: AnalysisHome[] = [];
	const kinds: [HomeKind, number][] = [
		['childrens_home', 0.8],
		['supported', 0.14],
		['residential_school', 0.05],
		['secure', 0.01]
	];
	const kind = () => {
		let r = next();
		for (const [k, share] of kinds) if ((r -= share) < 0) return k;
		return 'childrens_home';
	};
	for (const la of las) {
		const own = msoasByLa.get(la.ctyua24cd);
		if (!own?.length) continue;
		const count = Math.round(((la.ofsted_chomes_all_n_2025 ?? 0) / totalHomes) * homeCount);
		for (let i = 0; i < count; i++) {
			const places = 1 + Math.floor(next() * 6);
			const ageMin = pick([0, 5, 8, 10, 11, 12]);
			homes.push({
				urn: `SC${String(100000 + homes.length)}`,
				laCode: la.ctyua24cd,
				kind: kind(),
				location: jitter(pick(own), 0.02),
				places,
				vacancies: next() < 0.3 ? 1 + Math.floor(next() * Math.min(places, 2)) : 0,
				ageMin,
				ageMax: Math.max(ageMin, pick([16, 17, 17, 18])),
				needs: needsOf(4)
			});
		}
	}

	const fostering: FosteringCapacity[] = las
		.filter((la) => msoasByLa.get(la.ctyua24cd)?.length)
		.map((la) => {
			const own = msoasByLa.get(la.ctyua24cd)!;
			const center: LonLat = [
				round(own.reduce((s, p) => s + p[0], 0) / own.length),
				round(own.reduce((s, p) => s + p[1], 0) / own.length)
			];
			const places = Math.round(((la.cla_31mar_2025 ?? 0) / totalCla) * 70_465);
			return { laCode: la.ctyua24cd, places, vacancies: Math.round(places * 0.16), location: center };
		});

	// Nine regional groupings stand in for RCCs at national scale.
	const regions = new Map<string, string[]>();
	for (const la of las) regions.set(la.rgn_cd, [...(regions.get(la.rgn_cd) ?? []), la.ctyua24cd]);
	const rccs = [...regions].map(([id, laCodes]) => ({ id, laCodes }));

	return { children, homes, fostering, boundaries, rccs };
}

function round(value: number): number {
	return Math.round(value * 1e5) / 1e5;
}
