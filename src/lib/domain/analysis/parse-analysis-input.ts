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
export const lonLatSchema = z.tuple([longitude, latitude], { error: 'expected [longitude, latitude]' });

const needs = z.array(z.string());
const count = z.number().int().nonnegative();
const homeKind = z.enum(['childrens_home', 'secure', 'residential_school', 'supported']);

const child = z.object({
	id: z.string(),
	laCode: z.string(),
	rccIds: z.array(z.string()).optional(),
	home: lonLatSchema,
	placement: lonLatSchema.nullable(),
	placementType: z.enum(['foster', 'childrens_home', 'secure', 'residential_school', 'supported', 'other']),
	age: z.number().int().min(0).max(25),
	needs
});

const home = z
	.object({
		urn: z.string(),
		laCode: z.string(),
		kind: homeKind,
		location: lonLatSchema,
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
	location: lonLatSchema,
	label: z.string().optional(),
	needs: needs.optional()
});

const ring = z.array(lonLatSchema).min(4, 'a polygon ring needs at least 4 positions');
const geometry = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
]);

const otherShape = {
	homes: z.array(home),
	fostering: z.array(fostering),
	boundaries: z.array(z.object({ code: z.string(), name: z.string().optional(), geometry })),
	rccs: z.array(z.object({ id: z.string(), name: z.string().optional(), laCodes: z.array(z.string()) }))
};

function duplicates(
	context: z.core.$RefinementCtx,
	keys: readonly string[],
	path: string,
	what: string
): void {
	const seen = new Set<string>();
	keys.forEach((key, index) => {
		if (seen.has(key))
			context.addIssue({ code: 'custom', path: [path, index], message: `duplicate ${what} ${key}` });
		seen.add(key);
	});
}

// What-if proposals and boundary lookups address these by key: a duplicate would be ambiguous.
const noDuplicateKeys = (
	input: { homes: { urn: string }[]; boundaries: { code: string }[] },
	context: z.core.$RefinementCtx
) => {
	duplicates(
		context,
		input.homes.map((home) => home.urn),
		'homes',
		'URN'
	);
	duplicates(
		context,
		input.boundaries.map((boundary) => boundary.code),
		'boundaries',
		'LA code'
	);
};

/** Everything but the children, for the fast path below. */
const otherSchema = z.object(otherShape).superRefine(noDuplicateKeys);

export const analysisInputSchema = z
	.object({ children: z.array(child), ...otherShape })
	.superRefine((input, context) => {
		noDuplicateKeys(input, context);
		duplicates(
			context,
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

/**
 * The input boundary: anything that did not come from our own typed code passes through here first.
 *
 * Children are checked by `isPlainValidChild`, a plain loop that accepts nothing the zod schema would
 * refuse (the test suite holds it to that) and is many times faster on 100,000 children; the rest goes
 * through zod. On any doubt the whole input goes through zod, which then either accepts it or explains
 * what is wrong, path by path.
 */
export function parseAnalysisInput(raw: unknown): AnalysisInput {
	if (isRecord(raw) && Array.isArray(raw.children) && childrenPass(raw.children)) {
		const others = otherSchema.safeParse(raw);
		if (others.success) return { ...others.data, children: raw.children } as AnalysisInput;
	}
	const result = analysisInputSchema.safeParse(raw);
	if (result.success) return result.data as AnalysisInput;
	throw new AnalysisInputError(
		result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`)
	);
}

const PLACEMENT_TYPES = new Set([
	'foster',
	'childrens_home',
	'secure',
	'residential_school',
	'supported',
	'other'
]);

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLonLat(value: unknown): boolean {
	if (!Array.isArray(value) || value.length !== 2) return false;
	const [lon, lat] = value as unknown[];
	return (
		typeof lon === 'number' && typeof lat === 'number' && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 // comparisons are false for NaN; infinities are out of range
	);
}

function isStringArray(value: unknown): boolean {
	if (!Array.isArray(value)) return false;
	for (const item of value) if (typeof item !== 'string') return false;
	return true;
}

/** Stricter than or equal to the zod `child` schema, never looser. */
export function isPlainValidChild(value: unknown): boolean {
	if (!isRecord(value)) return false;
	const { id, laCode, rccIds, home, placement, placementType, age, needs } = value;
	return (
		typeof id === 'string' &&
		typeof laCode === 'string' &&
		(rccIds === undefined || isStringArray(rccIds)) &&
		isLonLat(home) &&
		(placement === null || isLonLat(placement)) &&
		typeof placementType === 'string' &&
		PLACEMENT_TYPES.has(placementType) &&
		typeof age === 'number' &&
		Number.isInteger(age) &&
		age >= 0 &&
		age <= 25 &&
		isStringArray(needs)
	);
}

function childrenPass(children: unknown[]): boolean {
	const ids = new Set<string>();
	for (const child of children) {
		if (!isPlainValidChild(child)) return false;
		const id = (child as { id: string }).id;
		if (ids.has(id)) return false;
		ids.add(id);
	}
	return true;
}
