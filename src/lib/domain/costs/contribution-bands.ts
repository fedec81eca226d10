import { z } from 'zod';

/**
 * A band of the banded cost-sharing formula: an LA whose three-year average of children looked after
 * is at least `from` and below `to` (no upper end: `to` null) pays `amount` pounds a year.
 */
export interface ContributionBand {
	from: number;
	to: number | null;
	amount: number;
}

/**
 * Defaults in the South East pathfinder's range (£50,000 to £300,000 a year by three-year average
 * children looked after); the band edges are illustrative, not the pathfinder's published ones. The
 * RCC's administrator edits them.
 */
export const DEFAULT_BANDS: readonly ContributionBand[] = [
	{ from: 0, to: 300, amount: 50_000 },
	{ from: 300, to: 600, amount: 100_000 },
	{ from: 600, to: 900, amount: 150_000 },
	{ from: 900, to: 1200, amount: 200_000 },
	{ from: 1200, to: 1500, amount: 250_000 },
	{ from: 1500, to: null, amount: 300_000 }
];

/** The band an average falls in: `from` inclusive, `to` exclusive. */
export function bandFor(bands: readonly ContributionBand[], average: number): ContributionBand {
	const band = bands.find((b) => average >= b.from && (b.to === null || average < b.to));
	if (!band) throw new Error(`bandFor: no band holds ${average}`);
	return band;
}

/**
 * Bands as an administrator may set them: from 0 upwards without gaps or overlaps, each ending where
 * the next begins, the last open-ended; amounts whole pounds up to £10 million; 1 to 20 bands.
 */
export const bandsSchema = z
	.array(
		z.object({
			from: z.number().int('must be a whole number of children').min(0, 'cannot be negative'),
			to: z.number().int('must be a whole number of children').nullable(),
			amount: z
				.number()
				.int('must be whole pounds')
				.min(0, 'cannot be negative')
				.max(10_000_000, 'must be at most £10,000,000 a year')
		})
	)
	.min(1, 'needs at least one band')
	.max(20, 'must be at most 20 bands')
	.superRefine((bands, context) => {
		if (bands.length === 0) return;
		if (bands[0].from !== 0) context.addIssue({ code: 'custom', message: 'the first band must start at 0' });
		bands.forEach((band, i) => {
			const last = i === bands.length - 1;
			if (last && band.to !== null)
				context.addIssue({ code: 'custom', message: 'the last band must have no upper end (to: null)' });
			if (!last && (band.to === null || band.to <= band.from))
				context.addIssue({ code: 'custom', message: `band ${i + 1} must end above where it starts` });
			if (!last && band.to !== bands[i + 1].from)
				context.addIssue({ code: 'custom', message: `band ${i + 2} must start where band ${i + 1} ends` });
		});
	});
