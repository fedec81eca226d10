/**
 * The words the gaps and what-if panels use for who is unserved and why a proposal helps nobody, built
 * only from what the server published (suppressed counts read "fewer than 5").
 */
import type { ProvisionKind } from '$lib/domain/analysis';
import { isNeed, NEED_LABELS } from '$lib/domain/needs';
import type { Withheld } from '$lib/domain/suppression';
import type { LonLat } from '$lib/domain/types';
import type { PublicGapGroup } from '$lib/server/analysis/suppress-gap-breakdown';
import { PROVISION_LABELS } from './provision-labels';

/** "supported accommodation", "a children's home", as the object of "need". */
const NEEDED: Record<ProvisionKind, string> = {
	childrens_home: "a children's home",
	fostering: 'foster carers',
	secure: "a secure children's home",
	supported: 'supported accommodation',
	residential_school: 'a residential special school'
};

export const neededLabel = (kind: ProvisionKind) => NEEDED[kind];

export function needLabel(need: string): string {
	return isNeed(need) ? NEED_LABELS[need] : need.replaceAll('_', ' ');
}

export function countText(count: Withheld): string {
	if (count.suppressed) return 'fewer than 5';
	return count.value === null ? 'an unknown number' : String(count.value);
}

function ages(group: Pick<PublicGapGroup, 'ageMin' | 'ageMax'>): string {
	return group.ageMin === group.ageMax ? `aged ${group.ageMin}` : `aged ${group.ageMin}-${group.ageMax}`;
}

/** "11 need supported accommodation aged 16-17". */
export function groupText(group: PublicGapGroup): string {
	const n = countText(group.children);
	const verb = group.children.value === 1 ? 'needs' : 'need';
	return `${n} ${verb} ${NEEDED[group.kind]} ${ages(group)}`;
}

/** Why nothing nearby serves the group: nothing of that kind, or nothing for their ages and needs. */
export function whyUnserved(group: PublicGapGroup): string {
	const kind = PROVISION_LABELS[group.kind].toLowerCase();
	if (group.vacanciesNearby === 0) return `No ${kind} vacancy within 20 miles of their home.`;
	const vacancies = group.vacanciesNearby === 1 ? '1 vacancy' : `${group.vacanciesNearby} vacancies`;
	return `${vacancies} in ${kind} within 20 miles, none for their ages and needs.`;
}

export interface ProposalShape {
	kind: ProvisionKind;
	places: number;
	ageMin?: number;
	ageMax?: number;
	needs?: string[];
}

/**
 * Why a proposed home that serves nobody serves nobody, against the gap it stands in (null when it is in
 * none): the first mismatch of kind, ages, needs or places with the children there.
 */
export function whyHelpsNobody(proposal: ProposalShape, groups: PublicGapGroup[] | null): string {
	if (proposal.places <= 0) return 'It has no places.';
	if (!groups || groups.length === 0)
		return 'It stands in no gap: no child placed over 20 miles from home without a suitable vacancy lives within reach. Choose a gap and "Propose a home here".';
	const sameKind = groups.filter((group) => group.kind === proposal.kind);
	const list = groups.map(groupText).join('; ');
	if (sameKind.length === 0) return `None of these children needs ${NEEDED[proposal.kind]}; ${list}.`;
	const ageMin = proposal.ageMin ?? 0;
	const ageMax = proposal.ageMax ?? 25;
	const ofAge = sameKind.filter((group) => group.ageMax >= ageMin && group.ageMin <= ageMax);
	if (ofAge.length === 0)
		return `It takes ages ${ageMin}-${ageMax}; the children who need ${NEEDED[proposal.kind]} are ${sameKind.map(ages).join(' or ')}.`;
	const offered = new Set(proposal.needs ?? []);
	const missing = [
		...new Set(ofAge.flatMap((group) => group.needs.map((n) => n.need)).filter((need) => !offered.has(need)))
	];
	if (missing.length > 0 && proposal.kind !== 'fostering')
		return `The children who need ${NEEDED[proposal.kind]} here have needs it is not registered for: ${missing.map(needLabel).join(', ')}.`;
	return 'Other homes already serve the children it could take.';
}

/** Ray casting on a closed [lon, lat] ring (hexagons are small enough that lines of latitude do). */
export function ringContains(ring: readonly LonLat[], [x, y]: LonLat): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
