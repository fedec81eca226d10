import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { randomInput } from '../../../tests/fixtures/analysis/random-input';
import { prepareAnalysis, summariseDistances, whatIf, type Proposal } from '$lib/domain/analysis';
import { AnalysisWorkerError, createAnalysisClient } from './client';
import { farPlacedChildren } from './far-placed-children';
import type { MessageEndpoint, PrepareProgress } from './protocol';
import { serveAnalysis } from './serve-analysis';
import { vacanciesForChild } from './vacancies-for-child';

const open: MessagePort[] = [];
afterEach(() => {
	for (const port of open.splice(0)) port.close();
});

/** A worker stand-in: the same serveAnalysis on the far end of a real MessageChannel (structured cloning included). */
function connected() {
	const { port1, port2 } = new MessageChannel();
	open.push(port1, port2);
	serveAnalysis(port2 as unknown as MessageEndpoint);
	return createAnalysisClient(port1 as unknown as MessageEndpoint);
}

const proposal = (lon: number): Proposal => ({
	action: 'add',
	id: 'new',
	kind: 'childrens_home',
	location: [lon, 51.5],
	places: 3,
	needs: ['autism', 'emotional', 'mobility', 'solo']
});

describe('analysis worker client', () => {
	it('prepares in the worker and answers as the engine does in-process', async () => {
		const input = randomInput(8, { children: 200, homes: 20 });
		const client = connected();
		const prepared = await client.prepare(input);
		expect(prepared.children).toBe(200);
		const local = prepareAnalysis(input);
		expect(await client.call('summaries', {})).toEqual(summariseDistances(local));
		expect(await client.call('summaries', { suppressUpTo: 4 })).toEqual(
			summariseDistances(local, { suppress: (n) => n >= 1 && n <= 4 })
		);
		expect((await client.call('prepareWhatIf', {})).milliseconds).toBeGreaterThanOrEqual(0);
		const remote = await client.call('whatIf', { proposals: [proposal(-1.5)] });
		const { milliseconds: _a, ...expected } = whatIf(local, [proposal(-1.5)]);
		const { milliseconds: _b, ...actual } = remote;
		expect(actual).toEqual(expected);
		expect((await client.call('gaps', { resolution: 6 })).ranked.length).toBeGreaterThan(0);
		expect((await client.call('radius', { center: [-1.5, 51.5], radiusMiles: 10 })).radiusMiles).toBe(10);
	});

	it('rejects invalid input with the problems listed', async () => {
		const input = randomInput(8);
		input.children[0].home = [-1.5, 123];
		const error = await connected()
			.prepare(input)
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AnalysisWorkerError);
		expect((error as AnalysisWorkerError).issues).toEqual([
			'children.0.home.1: latitude 123 is outside -90..90'
		]);
	});

	it('prepares from a URL fetched in the worker, and later requests wait for it', async () => {
		const input = randomInput(8, { children: 200, homes: 20 });
		const client = connected();
		const url = `data:application/json,${encodeURIComponent(JSON.stringify(input))}`;
		const [prepared, summaries] = await Promise.all([client.prepareFrom(url), client.call('summaries', {})]);
		expect(prepared.children).toBe(200);
		expect(summaries).toEqual(summariseDistances(prepareAnalysis(input)));
	});

	it('reports the children being analysed before prepareFrom answers', async () => {
		const input = randomInput(3, { children: 50, homes: 5 });
		const client = connected();
		const heard: PrepareProgress[] = [];
		const prepared = await client.prepareFrom(
			`data:application/json,${encodeURIComponent(JSON.stringify(input))}`,
			(progress) => heard.push(progress)
		);
		expect(heard).toEqual([{ stage: 'analysing', children: 50 }]);
		expect(prepared.children).toBe(50);
	});

	it("lists an LA's far-placed children and a child's nearest vacancies as the engine does", async () => {
		const input = randomInput(11, { children: 300, homes: 40 });
		const client = connected();
		await client.prepare(input);
		const local = prepareAnalysis(input);
		const far = await client.call('farPlaced', { laCode: 'SW' });
		expect(far.length).toBeGreaterThan(0);
		expect(far).toEqual(farPlacedChildren(local, { laCode: 'SW' }));
		const options = { k: 3, radiusMiles: 40 };
		const found = await client.call('vacanciesForChild', { childId: far[0].id, options });
		expect(found).toEqual(vacanciesForChild(local, far[0].id, options));
		await expect(client.call('vacanciesForChild', { childId: 'nobody' })).rejects.toThrow(
			'No child with id nobody in the prepared input'
		);
	});

	it('rejects pending calls with the reason it was closed', async () => {
		const client = connected();
		const pending = client.prepare(randomInput(2, { children: 20000, homes: 10 }));
		client.close('The analysis could not run in this browser');
		await expect(pending).rejects.toThrow('The analysis could not run in this browser');
	});

	it('asks for prepare first', async () => {
		await expect(connected().call('gaps', {})).rejects.toThrow(/Call prepare before/);
	});

	it('while dragging, computes the first and the latest what-if and drops those in between', async () => {
		const client = connected();
		const input = randomInput(8, { children: 200, homes: 20 });
		await client.prepare(input);
		const calls = [-1.9, -1.8, -1.7, -1.6].map((lon) => client.whatIfLatest([proposal(lon)]));
		const results = await Promise.all(calls);
		expect(results[0]).not.toBeNull();
		expect(results[1]).toBeNull();
		expect(results[2]).toBeNull();
		expect(results[3]?.region).toEqual(whatIf(prepareAnalysis(input), [proposal(-1.6)]).region);
	});
});
