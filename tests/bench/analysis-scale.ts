/**
 * One size of the scale curve of `npm run bench:analysis` (issue 15 point 5), in a process of its own so
 * that its peak memory is its own: synthesises England with CHILDREN children and homes in proportion
 * (5,000 per 100,000), runs the full analysis RUNS times and prints one JSON line.
 */
import { prepareAnalysis } from '../../src/lib/domain/analysis';
import { synthesiseEngland } from './analysis-synthetic-england';

const children = Number(process.argv[2]);
const runs = Number(process.env.RUNS ?? 3);
const homes = Math.max(50, Math.round((children * 5_000) / 100_000));
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

const input = synthesiseEngland({ children, homes });
sample();
const times: number[] = [];
for (let run = 0; run < runs; run++) {
	const started = performance.now();
	prepareAnalysis(input, { validate: false });
	times.push(performance.now() - started);
	sample();
}
times.sort((a, b) => a - b);
const medianMs = times[Math.floor(times.length / 2)];
console.log(
	JSON.stringify({
		children,
		homes,
		runs,
		medianMs: Math.round(medianMs),
		msPerThousandChildren: Math.round((medianMs / children) * 1000 * 100) / 100,
		peakRssMB: Math.round(peakRss / 2 ** 20)
	})
);
