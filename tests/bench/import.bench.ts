/**
 * `npm run bench:import`: an SSDA903 episodes file of 100,000 and 1,000,000 generated rows (four
 * episodes per child, the last open) checked and written into a fresh embedded database, after its
 * header file. Prints rows per second and the process's peak resident memory and heap for each size,
 * so that growth with the row count is visible (budget: 100,000 rows in 30 s, memory flat).
 * `BENCH_IMPORT_ROWS=100000` runs one size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../../src/lib/server/import/run-import';
import { dayNumber, formatDate } from '../../src/lib/server/import/parse-date';
import { createImportDatabase, MANCHESTER, withDatabase } from '../integration/helpers/import-database';

const SIZES = (process.env.BENCH_IMPORT_ROWS ?? '100000,1000000').split(',').map(Number);
const EPISODES_PER_CHILD = 4;
const AS_AT = dayNumber(2025, 3, 31)!;
const SECTORS = ['M14 5', 'M13 9', 'M14 6', 'M20 2'];

function writeFiles(dir: string, rows: number): { header: string; episodes: string } {
	const children = Math.ceil(rows / EPISODES_PER_CHILD);
	const header = path.join(dir, `header-${rows}.csv`);
	const episodes = path.join(dir, `episodes-${rows}.csv`);
	const h = fs.openSync(header, 'w');
	fs.writeSync(h, 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n');
	const e = fs.openSync(episodes, 'w');
	fs.writeSync(
		e,
		'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n'
	);
	let written = 0;
	for (let c = 0; c < children && written < rows; c++) {
		const id = String(1_000_000 + c);
		fs.writeSync(
			h,
			`${id},${1 + (c % 2)},${formatDate(dayNumber(2008 + (c % 10), 1 + (c % 12), 1 + (c % 28))!)},WBRI,,,\n`
		);
		let lines = '';
		const start = dayNumber(2021, 1, 1)! + (c % 300);
		for (let k = 0; k < EPISODES_PER_CHILD && written < rows; k++, written++) {
			const decom = start + k * 200;
			const last = k === EPISODES_PER_CHILD - 1 || written === rows - 1;
			const sector = SECTORS[(c + k) % SECTORS.length];
			lines += `${id},${formatDate(decom)},${k === 0 ? 'S' : 'P'},C2,N1,U4,PR1,${last ? '' : formatDate(decom + 200)},${last ? '' : 'X1'},,${sector},${sector},XXXXXXX\n`;
		}
		fs.writeSync(e, lines);
	}
	fs.closeSync(h);
	fs.closeSync(e);
	return { header, episodes };
}

async function main(): Promise<void> {
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-bench-import-'));
	const results: string[] = [];
	try {
		for (const rows of SIZES) {
			const files = writeFiles(scratch, rows);
			const dataDir = await createImportDatabase('cth-bench-import-db-');
			await withDatabase(dataDir, async ({ sql }) => {
				await sql`insert into postcode_sectors ${sql(SECTORS.map((sector, i) => ({ sector, lon: -2.22 - i * 0.01, lat: 53.44 + i * 0.005, postcodes: 100 })))}`;
				await runImport(sql, {
					kind: 'ssda903-header',
					laCodes: [MANCHESTER],
					file: files.header,
					dryRun: false,
					actor: null,
					via: 'bench',
					asAt: AS_AT
				});
				global.gc?.();
				let peakRss = process.memoryUsage().rss;
				let peakHeap = process.memoryUsage().heapUsed;
				const baseRss = peakRss;
				const sampler = setInterval(() => {
					const usage = process.memoryUsage();
					peakRss = Math.max(peakRss, usage.rss);
					peakHeap = Math.max(peakHeap, usage.heapUsed);
				}, 50);
				const started = performance.now();
				const outcome = await runImport(sql, {
					kind: 'ssda903-episodes',
					laCodes: [MANCHESTER],
					file: files.episodes,
					dryRun: false,
					actor: null,
					via: 'bench',
					asAt: AS_AT
				});
				const seconds = (performance.now() - started) / 1000;
				clearInterval(sampler);
				const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
				const line =
					`${rows.toLocaleString('en-GB')} episode rows (${outcome.changes.children.added.toLocaleString('en-GB')} children written, ` +
					`${mb(fs.statSync(files.episodes).size)} MB file): ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s, ` +
					`peak RSS ${mb(peakRss)} MB (+${mb(peakRss - baseRss)} MB over the start), peak heap ${mb(peakHeap)} MB`;
				console.log(line);
				results.push(line);
			});
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	fs.mkdirSync('bench-results', { recursive: true });
	fs.writeFileSync(
		path.join('bench-results', 'import.txt'),
		`npm run bench:import, ${new Date().toISOString()}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}\n${results.join('\n')}\n`
	);
}

await main();
