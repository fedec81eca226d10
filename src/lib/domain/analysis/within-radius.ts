import type { AnalysisContext } from './analysis-context';
import { withinMiles } from './find-vacancies';
import { PROVISION_KINDS } from './provision-kinds';
import type { LonLat } from '../types';
import type { ProvisionKind } from './types';

export interface RadiusHome {
	urn: string;
	kind: ProvisionKind;
	laCode: string;
	location: LonLat;
	places: number;
	vacancies: number;
	miles: number;
}

export interface RadiusFostering {
	laCode: string;
	location: LonLat;
	places: number;
	vacancies: number;
	miles: number;
}

/** Children counted by home location (small-area centroids), never one point per child. */
export interface RadiusHomeArea {
	location: LonLat;
	children: number;
	over20Miles: number;
	miles: number;
}

/** The children within the radius of one owning LA (what suppression works on). */
export interface RadiusLaChildren {
	laCode: string;
	children: number;
	over20Miles: number;
}

export interface RadiusSummary {
	center: LonLat;
	radiusMiles: number;
	homes: RadiusHome[];
	fostering: RadiusFostering[];
	homeAreas: RadiusHomeArea[];
	/** By owning LA, in order of LA index. */
	childrenByLa: RadiusLaChildren[];
	totals: {
		homes: number;
		places: number;
		vacancies: number;
		fosteringPlaces: number;
		fosteringVacancies: number;
		children: number;
		childrenOver20Miles: number;
	};
}

/** The map's radius tool: what lies within N miles of a point, nearest first. */
export function withinRadius(context: AnalysisContext, center: LonLat, radiusMiles: number): RadiusSummary {
	const { providers, children, laCodes, input, thresholdMiles } = context;
	const [lon, lat] = center;
	const homes: RadiusHome[] = [];
	const fostering: RadiusFostering[] = [];
	if (context.providerIndex) {
		const found = withinMiles(context.providerIndex, lon, lat, radiusMiles);
		found.ids.forEach((p, i) => {
			const ref = providers.refs[p];
			const location: LonLat = [providers.lon[p], providers.lat[p]];
			const common = {
				laCode: laCodes[providers.laIndex[p]],
				location,
				places: providers.places[p],
				vacancies: providers.vacancies[p],
				miles: found.miles[i]
			};
			if (ref.type === 'home')
				homes.push({ urn: ref.urn, kind: PROVISION_KINDS[providers.kind[p]], ...common });
			else fostering.push(common);
		});
	}
	const areas = new Map<string, RadiusHomeArea>();
	const byLa = new Map<number, RadiusLaChildren>();
	const childIndex = context.childIndex();
	if (childIndex) {
		const found = withinMiles(childIndex, lon, lat, radiusMiles);
		found.ids.forEach((c, i) => {
			const home = input.children[c].home;
			const key = `${home[0]},${home[1]}`;
			let area = areas.get(key);
			if (!area)
				areas.set(key, (area = { location: home, children: 0, over20Miles: 0, miles: found.miles[i] }));
			const la = children.laIndex[c];
			let owner = byLa.get(la);
			if (!owner) byLa.set(la, (owner = { laCode: laCodes[la], children: 0, over20Miles: 0 }));
			area.children++;
			owner.children++;
			if (children.miles[c] > thresholdMiles) {
				area.over20Miles++;
				owner.over20Miles++;
			}
		});
	}
	const homeAreas = [...areas.values()];
	const sum = <T>(items: T[], pick: (item: T) => number) =>
		items.reduce((total, item) => total + pick(item), 0);
	return {
		center,
		radiusMiles,
		homes,
		fostering,
		homeAreas,
		childrenByLa: [...byLa.entries()].sort(([a], [b]) => a - b).map(([, owner]) => owner),
		totals: {
			homes: homes.length,
			places: sum(homes, (h) => h.places),
			vacancies: sum(homes, (h) => h.vacancies),
			fosteringPlaces: sum(fostering, (f) => f.places),
			fosteringVacancies: sum(fostering, (f) => f.vacancies),
			children: sum(homeAreas, (a) => a.children),
			childrenOver20Miles: sum(homeAreas, (a) => a.over20Miles)
		}
	};
}
