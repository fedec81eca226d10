import { z } from 'zod';
import { AnalysisInputError, lonLatSchema } from './parse-analysis-input';
import type { Proposal } from './types';

const proposalSchema = z.discriminatedUnion('action', [
	z
		.object({
			action: z.literal('add'),
			id: z.string(),
			kind: z.enum(['childrens_home', 'secure', 'residential_school', 'supported', 'fostering']),
			location: lonLatSchema,
			// A home of a thousand places is no longer a home; the bound keeps a typo from swamping a region.
			places: z.number().int().min(0).max(1000),
			ageMin: z.number().int().min(0).max(25).optional(),
			ageMax: z.number().int().min(0).max(25).optional(),
			needs: z.array(z.string()).optional(),
			laCode: z.string().optional()
		})
		.refine((p) => (p.ageMin ?? 0) <= (p.ageMax ?? 25), {
			error: 'ageMin must not exceed ageMax',
			path: ['ageMin']
		}),
	z.object({ action: z.literal('move'), urn: z.string(), location: lonLatSchema }),
	z.object({ action: z.literal('remove'), urn: z.string() })
]);

const proposalsSchema = z.array(proposalSchema);

/** Proposals come from shared scenario documents and the map: untrusted, so checked on every what-if. */
export function parseProposals(raw: unknown): Proposal[] {
	const result = proposalsSchema.safeParse(raw);
	if (result.success) return result.data as Proposal[];
	throw new AnalysisInputError(
		result.error.issues.map((issue) => `proposals.${issue.path.map(String).join('.')}: ${issue.message}`)
	);
}
