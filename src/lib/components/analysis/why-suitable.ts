import { isNeed, NEED_LABELS } from '$lib/domain/needs';
import type { SeekingChild, VacancyCandidate } from '$lib/analysis-worker/protocol';
import { PROVISION_LABELS } from './provision-labels';

const needLabel = (need: string) => (isNeed(need) ? NEED_LABELS[need] : need).toLowerCase();

function list(items: string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Why the engine counts a vacancy as suitable for the child, in the terms it matched on (the kind of
 * provision the child's placement type needs, the age range, needs a subset of the registration), so
 * a commissioner can check it rather than trust it.
 */
export function whySuitable(child: SeekingChild, candidate: VacancyCandidate): string[] {
	const { needs } = child;
	const reasons = [
		`${PROVISION_LABELS[candidate.kind]}, the kind of placement the child needs`,
		`Takes ages ${candidate.ageMin} to ${candidate.ageMax}; the child is ${child.age}`
	];
	if (needs.length === 0) reasons.push('The child has no recorded needs');
	else if (candidate.needs === null)
		reasons.push(`Takes any needs, the child's included (${list(needs.map(needLabel))})`);
	else
		reasons.push(
			`Registered for the child's ${needs.length === 1 ? 'need' : 'needs'}: ${list(needs.map(needLabel))}`
		);
	return reasons;
}
