import { z } from 'zod';
import type { AnalysisInput } from './types';

// Built-in range checks (not refinements): zod runs them without a callback per value, which matters
// for 100,000 children. z.number() already refuses NaN and infinities.
const longitude = z
	.number({ error: 'longitude must be a finite number' })
	.gte(-180, { error: (issue) => `longitude ${issue.input} is outside -180..180` })
	.lte(180, { error: (issue) => `longitude ${issue.input} is outside -180..180` });
const latitude = z
	.number({ error: 'latitude must be a finite number' })
	.gte(-90, { error: (issue) => `latitude ${issue.input} is outside -90..90` })
	.lte(90, { error: (issue) => `latitude ${issue.input} is outside -90..90` });
const lonLat = z.tuple([longitude, latitude], { error: 'expected [longitude, latitude]' });

const needs = z.array(z.string());
const count = z.number().int().nonnegative();
const homeKind = z.enum(['childrens_home', 'secure', 'residential_school', 'supported']);

const child = z.object({
	id: z.string(),
	laCode: z.string(),
	rccIds: z.array(z.string()).optional(),
	home: lonLat,
	placement: lonLat.nullable(),
	placementType: z.enum(['foster', 'childrens_home', 'secure', 'residential_school', 'supported', 'other']),
	age: z.number().int().min(0).max(25),
	needs
});

const home = z
	.object({
		urn: z.string(),
		laCode: z.string(),
		kind: homeKind,
		location: lonLat,
		places: count,
		vacancies: count,
		ageMin: z.number().int().min(0),
		ageMax: z.number().int().min(0),
		needs
	})
	.refine((h) => h.ageMin <= h.ageMax, { error: 'ageMin must not exceed ageMax', path: ['ageMin'] });

const fostering = z.object({
	laCode: z.string(),
	places: count,
	vacancies: count,
	location: lonLat,
	label: z.string().optional(),
	needs: needs.optional()
});

const ring = z.array(lonLat).min(4, 'a polygon ring needs at least 4 positions');
const geometry = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
]);

export const analysisInputSchema = z
	.object({
		children: z.array(child),
		homes: z.array(home),
		fostering: z.array(fostering),
		boundaries: z.array(z.object({ code: z.string(), name: z.string().optional(), geometry })),
		rccs: z.array(z.object({ id: z.string(), name: z.string().optional(), laCodes: z.array(z.string()) }))
	})
	.superRefine((input, context) => {
		// What-if proposals and boundary lookups address these by key: a duplicate would be ambiguous.
		const duplicates = (keys: string[], path: string, what: string) => {
			const seen = new Set<string>();
			keys.forEach((key, index) => {
				if (seen.has(key))
					context.addIssue({ code: 'custom', path: [path, index], message: `duplicate ${what} ${key}` });
				seen.add(key);
			});
		};
		duplicates(
			input.homes.map((home) => home.urn),
			'homes',
			'URN'
		);
		duplicates(
			input.boundaries.map((boundary) => boundary.code),
			'boundaries',
			'LA code'
		);
		duplicates(
			input.children.map((child) => child.id),
			'children',
			'child id'
		);
	});

/** Thrown for input the engine cannot trust; `issues` lists every problem as `path: message`. */
export class AnalysisInputError extends Error {
	constructor(readonly issues: string[]) {
		super(
			`Invalid analysis input: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`
		);
		this.name = 'AnalysisInputError';
	}
}

/** The input boundary: anything that did not come from our own typed code passes through here first. */
export function parseAnalysisInput(raw: unknown): AnalysisInput {
	const result = analysisInputSchema.safeParse(raw);
	if (result.success) return result.data as AnalysisInput;
	throw new AnalysisInputError(
		result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`)
	);
}
