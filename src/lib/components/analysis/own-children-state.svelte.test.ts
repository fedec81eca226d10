import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { randomInput } from '../../../../tests/fixtures/analysis/random-input';
import { createAnalysisClient } from '$lib/analysis-worker/client';
import type { MessageEndpoint } from '$lib/analysis-worker/protocol';
import { serveAnalysis } from '$lib/analysis-worker/serve-analysis';
import { OwnChildrenState, PAGE_SIZE } from './own-children-state.svelte';

const open: MessagePort[] = [];
afterEach(() => {
	for (const port of open.splice(0)) port.close();
});

/** Worker stand-ins (serveAnalysis over a real MessageChannel), counting starts and terminations. */
function workers() {
	const log = { started: 0, terminated: 0 };
	const start = () => {
		log.started++;
		const { port1, port2 } = new MessageChannel();
		open.push(port1, port2);
		serveAnalysis(port2 as unknown as MessageEndpoint);
		const client = createAnalysisClient(port1 as unknown as MessageEndpoint);
		return {
			client,
			terminate() {
				log.terminated++;
				client.close();
			}
		};
	};
	return { start, log };
}

const input = randomInput(5, { children: 400, homes: 40 });
const inputUrl = `data:application/json,${encodeURIComponent(JSON.stringify(input))}`;

describe('OwnChildrenState', () => {
	it('starts the worker only when opened, shows progress, then the summary and far-placed children', async () => {
		const { start, log } = workers();
		const state = new OwnChildrenState(start, { inputUrl, laCode: 'SW' });
		expect(log.started).toBe(0);
		const statuses: string[] = [];
		const opening = state.open();
		statuses.push(state.status);
		await opening;
		statuses.push(state.status);
		expect(statuses).toEqual(['loading', 'ready']);
		expect(state.analysing).toBe(400);
		expect(state.summary?.code).toBe('SW');
		expect(state.summary?.children).toBe(input.children.filter((c) => c.laCode === 'SW').length);
		expect(state.farPlaced.length).toBeGreaterThan(0);
		expect(state.farPlaced.length).toBe(state.summary?.over20Miles);
		expect(state.shown.items.length).toBe(Math.min(PAGE_SIZE, state.farPlaced.length));
		await state.open();
		expect(log.started).toBe(1);
		state.close();
		expect(log.terminated).toBe(1);
	});

	it('sorts nearest first from the first page', async () => {
		const state = new OwnChildrenState(workers().start, { inputUrl, laCode: 'SW' });
		await state.open();
		state.page = 1;
		state.setOrder('nearest');
		expect(state.shown.page).toBe(0);
		const miles = state.shown.items.map((child) => child.miles);
		expect(miles).toEqual([...miles].sort((a, b) => a - b));
		expect(miles[0]).toBe(Math.min(...state.farPlaced.map((child) => child.miles)));
	});

	it('refuses a radius out of range, and finds vacancies within a valid one', async () => {
		const state = new OwnChildrenState(workers().start, { inputUrl, laCode: 'SW' });
		await state.open();
		const child = state.farPlaced[0];
		state.radiusText = '150';
		expect(await state.findVacancies(child.id)).toBe(false);
		expect(state.radiusError).toBe('Radius must be between 5 and 100 miles');
		expect(state.found).toBeNull();
		state.radiusText = '60';
		expect(await state.findVacancies(child.id)).toBe(true);
		expect(state.radiusError).toBeNull();
		expect(state.found?.child.id).toBe(child.id);
		expect(state.found?.radiusMiles).toBe(60);
		expect(state.found?.candidates.every((candidate) => candidate.miles <= 60)).toBe(true);
		state.clearSearch();
		expect(state.found).toBeNull();
	});

	it('says why when the input cannot be loaded, and a retry starts a fresh worker', async () => {
		const { start, log } = workers();
		const state = new OwnChildrenState(start, {
			inputUrl: 'data:application/json,{"children":',
			laCode: 'SW'
		});
		await state.open();
		expect(state.status).toBe('error');
		expect(state.error).toMatch(/JSON/);
		expect(log.terminated).toBe(1);
		await state.open();
		expect(log.started).toBe(2);
	});
});
