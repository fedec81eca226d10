/**
 * `npm run bench:analysis`: the analysis engine at national scale (DESIGN.md budgets) on a synthetic
 * England of 100,000 children and 5,000 homes (real LA boundaries and MSOA centroids, see
 * analysis-synthetic-england.ts). Prints and saves to bench-results/analysis-<timestamp>.json and
 * analysis-latest.json: full-analysis time (median of RUNS), what-if latency with one proposed home
 * (median, p95) while it is "dragged" across England, peak memory, and the plain Turf pairwise loop on a
 * sample, extrapolated, with the ratio.
 *
 * Then the scale curve: the full analysis at SCALE_SIZES children (default 10,000, 100,000 and 1,000,000,
 * homes in proportion), each size in a process of its own, with its time, time per 1,000 children and
 * peak memory, so that growth is visible (budget: 1,000,000 children within 3 s and 2 GB).
 *
 * Environment: RUNS (default 5), DRAGS (200), TURF_SAMPLE (children, default 1000), CHILDREN, HOMES,
 * BOUNDARIES (bsc | bgc | buc), BROWSER=1 to also run the Web Worker in headless Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium), SCALE_SIZES (comma-separated; empty to skip).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distance, point } from '@turf/turf';
import {
	childAnalyses,
	coverageGaps,
	parseAnalysisInput,
	prepareAnalysis,
	prepareWhatIf,
	summariseDistances,
	whatIf,
	type AnalysisContext,
	type LonLat,
	type Proposal
} from '../../src/lib/domain/analysis';
import { provisionIndexFor, PROVISION_KINDS } from '../../src/lib/domain/analysis/provision-kinds';
import { seeded } from '../fixtures/analysis/random-input';
import { NEEDS, synthesiseEngland } from './analysis-synthetic-england';
import type { BrowserWorkerFigures } from './analysis-worker-in-chromium';

const RUNS = Number(process.env.RUNS ?? 5);
const DRAGS = Number(process.env.DRAGS ?? 200);
const TURF_SAMPLE = Number(process.env.TURF_SAMPLE ?? 1000);
const CHILDREN = Number(process.env.CHILDREN ?? 100_000);
const HOMES = Number(process.env.HOMES ?? 5_000);
const BOUNDARIES = (process.env.BOUNDARIES ?? 'bsc') as 'bsc' | 'bgc' | 'buc';
const BUDGET = { fullAnalysisMs: 1000, whatIfMs: 10, turfRatio: 50, millionMs: 3000, millionRssMB: 2048 };
const SCALE_SIZES = (process.env.SCALE_SIZES ?? '10000,100000,1000000')
	.split(',')
	.filter(Boolean)
	.map(Number);

/** Each size in its own process (tsx, as this one), so that peak memory is that size's alone. */
function scaleCurve() {
	return SCALE_SIZES.map((children) => {
		console.log(`Scale curve: ${children.toLocaleString('en-GB')} children...`);
		const out = execFileSync(
			process.execPath,
			[
				'--import',
				'tsx',
				'--max-old-space-size=4096',
				path.resolve(import.meta.dirname, 'analysis-scale.ts'),
				String(children)
			],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
		);
		return JSON.parse(out.trim().split('\n').at(-1)!) as {
			children: number;
			homes: number;
			medianMs: number;
			msPerThousandChildren: number;
			peakRssMB: number;
		};
	});
}

function quantile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;

const peak = { rssMB: 0, heapUsedMB: 0 };
function sampleMemory() {
	const { rss, heapUsed } = process.memoryUsage();
	peak.rssMB = Math.max(peak.rssMB, rss / 2 ** 20);
	peak.heapUsedMB = Math.max(peak.heapUsedMB, heapUsed / 2 ** 20);
}

/**
 * Wall time, and this process's CPU time beside it: on a shared 2-core machine other work inflates
 * wall time, and the CPU time shows how much of it was ours.
 */
function time<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
	const cpu = process.cpuUsage();
	const started = performance.now();
	const value = run();
	const ms = performance.now() - started;
	const used = process.cpuUsage(cpu);
	sampleMemory();
	return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * The plain way: for each sampled child, turf.distance to every home and fostering point that has a
 * vacancy and suits the child, keeping the nearest within the same radius the engine uses. Points
 * are built once (in Turf's favour); the pairwise loop is what is timed.
 */
function turfPairwise(context: AnalysisContext, sample: number[]) {
	const { input } = context;
	const providers = [
		...input.homes.map((home) => ({ ...home, anyNeeds: false })),
		...input.fostering.map((f) => ({
			...f,
			kind: 'fostering' as const,
			ageMin: 0,
			ageMax: 25,
			needs: f.needs ?? [],
			anyNeeds: !f.needs
		}))
	];
	const providerPoints = providers.map((p) => point(p.location));
	const nearest: (number | null)[] = [];
	const started = performance.now();
	for (const c of sample) {
		const child = input.children[c];
		const kind = provisionIndexFor(child.placementType);
		const from = point(child.home);
		let best = Infinity;
		for (let p = 0; p < providers.length; p++) {
			const provider = providers[p];
			if (kind < 0 || provider.kind !== PROVISION_KINDS[kind] || provider.vacancies <= 0) continue;
			if (child.age < provider.ageMin || child.age > provider.ageMax) continue;
			if (!provider.anyNeeds && !child.needs.every((need) => provider.needs.includes(need))) continue;
			const miles = distance(from, providerPoints[p], { units: 'miles' });
			if (miles < best) best = miles;
		}
		nearest.push(best <= context.nearestRadiusMiles ? best : null);
	}
	return { ms: performance.now() - started, nearest };
}

async function main() {
	console.log(`Synthesising England: ${CHILDREN} children, ${HOMES} homes, ${BOUNDARIES} boundaries...`);
	const generated = time(() =>
		synthesiseEngland({ children: CHILDREN, homes: HOMES, boundaries: BOUNDARIES })
	);
	const input = generated.value;

	const validation = time(() => parseAnalysisInput(input));

	// Full analysis (DESIGN.md): distances, inside/outside LA and RCC, nearest suitable vacancy for
	// every child. The what-if's own starting point is timed separately below.
	const fullRuns: number[] = [];
	const fullCpuRuns: number[] = [];
	const phaseRuns: Record<string, number[]> = {};
	let context: AnalysisContext | null = null;
	for (let run = 0; run < RUNS; run++) {
		context = null; // let the previous context go before building the next
		const result = time(() =>
			prepareAnalysis(input, {
				validate: false,
				onPhase: (phase, ms) => (phaseRuns[phase] ??= []).push(ms)
			})
		);
		context = result.value;
		fullRuns.push(result.ms);
		fullCpuRuns.push(result.cpuMs);
	}
	const ctx = context!;
	// The what-if's starting point (maximum matching), built once per context: time it on fresh ones.
	const whatIfBaseRuns: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const fresh = prepareAnalysis(input, { validate: false });
		whatIfBaseRuns.push(time(() => prepareWhatIf(fresh)).ms);
	}
	prepareWhatIf(ctx);
	const summaries = time(() => summariseDistances(ctx, { suppress: (n) => n >= 1 && n <= 4 }));
	const gaps = time(() => coverageGaps(ctx, { resolution: 6 }));
	const perChild = time(() => childAnalyses(ctx));

	// What-if while dragging: one proposed children's home moved over 200 MSOA-like points.
	const next = seeded(42);
	const dragPath: LonLat[] = Array.from({ length: DRAGS }, () => {
		const child = input.children[Math.floor(next() * input.children.length)];
		return [child.home[0] + (next() - 0.5) * 0.05, child.home[1] + (next() - 0.5) * 0.05];
	});
	const proposalAt = (location: LonLat): Proposal => ({
		action: 'add',
		id: 'proposed',
		kind: 'childrens_home',
		location,
		places: 4,
		ageMin: 8,
		ageMax: 17,
		needs: NEEDS.slice(0, 4)
	});
	for (let i = 0; i < 10; i++) whatIf(ctx, [proposalAt(dragPath[i])]); // warm up
	const whatIfRuns: number[] = [];
	const whatIfCpuRuns: number[] = [];
	let gainedTotal = 0;
	for (const location of dragPath) {
		const result = time(() => whatIf(ctx, [proposalAt(location)]));
		whatIfRuns.push(result.ms);
		whatIfCpuRuns.push(result.cpuMs);
		gainedTotal += result.value.region.gained;
	}
	const busiest = ctx.input.homes
		.filter((home) => home.vacancies > 0)
		.slice(0, 20)
		.map((home): Proposal => ({ action: 'move', urn: home.urn, location: dragPath[0] }));
	const moveRuns = busiest.map((proposal) => time(() => whatIf(ctx, [proposal])).ms);
	const noChange = whatIf(ctx, []);

	// Turf: a deterministic sample (every k-th child), extrapolated to all children.
	const step = Math.max(1, Math.floor(input.children.length / TURF_SAMPLE));
	const sample = Array.from({ length: Math.min(TURF_SAMPLE, input.children.length) }, (_, i) => i * step);
	const turfCpu = process.cpuUsage();
	const turf = turfPairwise(ctx, sample);
	const turfCpuUsed = process.cpuUsage(turfCpu);
	const turfCpuMs = (turfCpuUsed.user + turfCpuUsed.system) / 1000;
	sampleMemory();
	let disagreements = 0;
	sample.forEach((c, i) => {
		const ours = Number.isNaN(ctx.children.nearestMiles[c]) ? null : ctx.children.nearestMiles[c];
		const theirs = turf.nearest[i];
		if ((ours === null) !== (theirs === null) || (ours !== null && Math.abs(ours - theirs!) > 1e-6))
			disagreements++;
	});
	const turfExtrapolatedMs = (turf.ms / sample.length) * input.children.length;
	const fullMedian = median(fullRuns);
	let browserWorker: BrowserWorkerFigures | null = null;
	if (process.env.BROWSER) {
		console.log('Running the analysis worker in headless Chromium...');
		// Imported only here: Vite and Playwright would otherwise inflate the memory figures above.
		const { analysisWorkerInChromium } = await import('./analysis-worker-in-chromium');
		browserWorker = await analysisWorkerInChromium(input, dragPath.slice(0, 100).map(proposalAt));
	}
	const nearestMedian = median(phaseRuns.nearest ?? [0]);
	const scale = scaleCurve();
	const million = scale.find((size) => size.children === 1_000_000);

	const results = {
		benchmark: 'analysis',
		at: new Date().toISOString(),
		machine: {
			node: process.version,
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model,
			loadAverage1m: round(os.loadavg()[0], 2)
		},
		data: {
			children: input.children.length,
			homes: input.homes.length,
			fosteringPoints: input.fostering.length,
			boundaries: `england_ctyua_2024_${BOUNDARIES}`,
			childrenOver20Miles: noChange.region.over20Miles,
			demandEdges: ctx.whatIfBase().matching.adjProvider.length,
			generateMs: round(generated.ms)
		},
		fullAnalysis: {
			runs: RUNS,
			medianMs: round(fullMedian),
			medianCpuMs: round(median(fullCpuRuns)),
			minMs: round(Math.min(...fullRuns)),
			maxMs: round(Math.max(...fullRuns)),
			phasesMedianMs: Object.fromEntries(Object.entries(phaseRuns).map(([k, v]) => [k, round(median(v))])),
			// parseAnalysisInput: a plain loop over the children, zod for the rest (and for any error messages).
			validationMs: round(validation.ms),
			summariesMs: round(summaries.ms),
			gapsMs: round(gaps.ms),
			gapCells: gaps.value.ranked.length,
			childAnalysesMs: round(perChild.ms)
		},
		whatIf: {
			prepareWhatIfMedianMs: round(median(whatIfBaseRuns)),
			drags: whatIfRuns.length,
			medianMs: round(median(whatIfRuns), 2),
			p95Ms: round(quantile(whatIfRuns, 0.95), 2),
			medianCpuMs: round(median(whatIfCpuRuns), 2),
			p95CpuMs: round(quantile(whatIfCpuRuns, 0.95), 2),
			maxMs: round(Math.max(...whatIfRuns), 2),
			meanChildrenGained: round(gainedTotal / whatIfRuns.length, 2),
			moveExistingHomeMedianMs: moveRuns.length ? round(median(moveRuns), 2) : null
		},
		browserWorker,
		scale,
		memory: { peakRssMB: round(peak.rssMB), peakHeapUsedMB: round(peak.heapUsedMB) },
		turf: {
			sampleChildren: sample.length,
			sampleMs: round(turf.ms),
			sampleCpuMs: round(turfCpuMs),
			extrapolatedMs: round(turfExtrapolatedMs),
			nearestDisagreements: disagreements,
			ratioToFullAnalysis: round(turfExtrapolatedMs / fullMedian),
			ratioToFullAnalysisCpu: round(
				((turfCpuMs / sample.length) * input.children.length) / median(fullCpuRuns)
			),
			ratioToNearestPhase: round(turfExtrapolatedMs / nearestMedian)
		},
		budgets: {
			fullAnalysis: { budgetMs: BUDGET.fullAnalysisMs, pass: fullMedian <= BUDGET.fullAnalysisMs },
			whatIf: { budgetMs: BUDGET.whatIfMs, pass: quantile(whatIfRuns, 0.95) <= BUDGET.whatIfMs },
			turfRatio: { budget: BUDGET.turfRatio, pass: turfExtrapolatedMs / fullMedian >= BUDGET.turfRatio },
			million: million
				? {
						budgetMs: BUDGET.millionMs,
						budgetRssMB: BUDGET.millionRssMB,
						pass: million.medianMs <= BUDGET.millionMs && million.peakRssMB <= BUDGET.millionRssMB
					}
				: null
		}
	};

	console.log(JSON.stringify(results, null, 2));
	const dir = path.resolve('bench-results');
	fs.mkdirSync(dir, { recursive: true });
	const stamp = results.at.replace(/[:.]/g, '-');
	fs.writeFileSync(path.join(dir, `analysis-${stamp}.json`), JSON.stringify(results, null, 2) + '\n');
	fs.writeFileSync(path.join(dir, 'analysis-latest.json'), JSON.stringify(results, null, 2) + '\n');
	console.log(
		`\nfull analysis ${results.fullAnalysis.medianMs} ms (budget ${BUDGET.fullAnalysisMs}) | what-if preparation ${results.whatIf.prepareWhatIfMedianMs} ms once | what-if median ${results.whatIf.medianMs} ms, p95 ${results.whatIf.p95Ms} ms (budget ${BUDGET.whatIfMs}) | Turf loop ${round(turfExtrapolatedMs / 1000)} s extrapolated = ${results.turf.ratioToFullAnalysis}x the full analysis (budget ${BUDGET.turfRatio}x) | peak RSS ${results.memory.peakRssMB} MB | load ${results.machine.loadAverage1m}`
	);
	for (const size of scale)
		console.log(
			`${size.children.toLocaleString('en-GB')} children, ${size.homes.toLocaleString('en-GB')} homes: full analysis ${size.medianMs} ms (${size.msPerThousandChildren} ms per 1,000 children), peak RSS ${size.peakRssMB} MB`
		);
	if (disagreements)
		console.warn(`WARNING: ${disagreements} sampled children got a different nearest vacancy from Turf`);
}

await main();
