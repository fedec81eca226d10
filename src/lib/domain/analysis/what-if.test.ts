import { describe, expect, it } from 'vitest';
import { randomInput, seeded } from '../../../../tests/fixtures/analysis/random-input';
import { prepareAnalysis } from './prepare-analysis';
import type { HomeKind } from '../types';
import type { AnalysisInput, Proposal, ProvisionKind } from './types';
import { whatIf } from './what-if';

const KINDS: ProvisionKind[] = ['childrens_home', 'supported', 'secure', 'fostering'];

function randomProposal(next: () => number, id: string): Extract<Proposal, { action: 'add' }> {
	const kind = KINDS[Math.floor(next() * KINDS.length)];
	const ageMin = Math.floor(next() * 10);
	return {
		action: 'add',
		id,
		kind,
		location: [-2 + next(), 51 + next()],
		places: 1 + Math.floor(next() * 4),
		// Fostering capacity in the input has no age range, so a comparable proposal has none either.
		...(kind === 'fostering' ? {} : { ageMin, ageMax: 17 }),
		needs: ['autism', 'emotional', 'mobility', 'solo'].filter(() => next() < 0.7)
	};
}

/** The same scenario computed from scratch: proposals written into the input itself. */
function applied(input: AnalysisInput, proposals: Proposal[]): AnalysisInput {
	const homes = input.homes.filter(
		(home) => !proposals.some((p) => p.action !== 'add' && p.urn === home.urn)
	);
	const fostering = [...input.fostering];
	for (const proposal of proposals) {
		if (proposal.action === 'move') {
			const home = input.homes.find((h) => h.urn === proposal.urn)!;
			homes.push({ ...home, urn: `${home.urn}-moved`, location: proposal.location });
		} else if (proposal.action === 'add' && proposal.kind === 'fostering') {
			fostering.push({
				laCode: 'SW',
				places: proposal.places,
				vacancies: proposal.places,
				location: proposal.location,
				needs: proposal.needs
			});
		} else if (proposal.action === 'add') {
			// Not fostering: the branch above took those.
			const kind = proposal.kind as HomeKind;
			homes.push({
				urn: proposal.id,
				laCode: 'SW',
				kind,
				location: proposal.location,
				places: proposal.places,
				vacancies: proposal.places,
				ageMin: proposal.ageMin ?? 0,
				ageMax: proposal.ageMax ?? 25,
				needs: proposal.needs ?? []
			});
		}
	}
	return { ...input, homes, fostering };
}

describe('whatIf', () => {
	it('changes nothing without proposals', () => {
		const context = prepareAnalysis(randomInput(2, { children: 150, homes: 20 }));
		const result = whatIf(context, []);
		expect(result.region.gained).toBe(0);
		expect(result.region.couldLiveWithin20After).toBe(result.region.couldLiveWithin20Before);
		expect(result.region.percentOver20MilesAfter).toBe(result.region.percentOver20MilesBefore);
		for (const la of result.las) expect(la.couldLiveWithin20After).toBe(la.couldLiveWithin20Before);
		expect(result.byProposal).toEqual([]);
	});

	it('never makes things worse when a home is added, and never uses more than its places', () => {
		const next = seeded(21);
		for (let seed = 1; seed <= 30; seed++) {
			const context = prepareAnalysis(randomInput(seed, { children: 150, homes: 15 }));
			const proposal = randomProposal(next, 'new');
			const result = whatIf(context, [proposal]);
			expect(result.region.gained).toBeGreaterThanOrEqual(0);
			expect(result.byProposal[0].children).toBeLessThanOrEqual(proposal.places);
			expect(result.region.gained).toBeLessThanOrEqual(proposal.places);
			expect(result.region.percentOver20MilesAfter!).toBeLessThanOrEqual(
				result.region.percentOver20MilesBefore!
			);
		}
	});

	it('matches a from-scratch preparation of the changed input (add, move, remove together)', () => {
		const next = seeded(33);
		for (let seed = 1; seed <= 80; seed++) {
			const input = randomInput(seed, { children: 150, homes: 15 });
			const context = prepareAnalysis(input);
			const withVacancies = input.homes.filter((home) => home.vacancies > 0);
			const proposals: Proposal[] = [
				randomProposal(next, 'a'),
				randomProposal(next, 'b'),
				randomProposal(next, 'c')
			];
			if (withVacancies[0]) proposals.push({ action: 'remove', urn: withVacancies[0].urn });
			if (withVacancies[1])
				proposals.push({ action: 'move', urn: withVacancies[1].urn, location: [-1.5, 51.5] });
			const incremental = whatIf(context, proposals);
			const scratch = whatIf(prepareAnalysis(applied(input, proposals)), []);
			expect(incremental.region.couldLiveWithin20After).toBe(scratch.region.couldLiveWithin20Before);
		}
	});

	it('reports an RCC as the region and refuses unknown URNs', () => {
		const context = prepareAnalysis(randomInput(4));
		const result = whatIf(context, [], { rccId: 'rcc' });
		expect(result.region.code).toBe('rcc');
		expect(result.las.map((la) => la.code).sort()).toEqual(['NE', 'SE', 'SW']);
		expect(() => whatIf(context, [{ action: 'remove', urn: 'nope' }])).toThrow(/No home with URN nope/);
	});

	it('refuses malformed proposals with a clear message', () => {
		const context = prepareAnalysis(randomInput(4));
		const bad = [{ ...randomProposal(seeded(1), 'x'), location: [-1.5, 123] }] as Proposal[];
		expect(() => whatIf(context, bad)).toThrow(
			/proposals\.0\.location\.1: latitude 123 is outside -90\.\.90/
		);
		const negative = [{ ...randomProposal(seeded(1), 'x'), places: -2 }] as Proposal[];
		expect(() => whatIf(context, negative)).toThrow(/proposals\.0\.places/);
	});
});
