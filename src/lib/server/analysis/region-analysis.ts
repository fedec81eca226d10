import type postgres from 'postgres';
import { prepareAnalysis, type AnalysisContext } from '$lib/domain/analysis';
import { ENGLAND_ID } from '$lib/domain/types';
import { analysisInputOf } from '$lib/server/db/analysis-input';
import * as rccs from '$lib/server/db/rccs';
import type { Rcc } from '$lib/server/db/rccs';

/** Dragging a proposed home posts a what-if several times a second: the prepared region is kept briefly. */
const KEEP_MS = 60_000;

/** Per database (tests open several in one process), then per RCC. */
const preparedBy = new WeakMap<
	postgres.Sql,
	Map<string, { at: number; context: Promise<AnalysisContext> }>
>();

function kept(
	sql: postgres.Sql,
	key: string,
	prepare: () => Promise<AnalysisContext>
): Promise<AnalysisContext> {
	let prepared = preparedBy.get(sql);
	if (!prepared) preparedBy.set(sql, (prepared = new Map()));
	const cached = prepared.get(key);
	if (cached && Date.now() - cached.at < KEEP_MS) return cached.context;
	const context = prepare();
	context.catch(() => prepared.delete(key));
	prepared.set(key, { at: Date.now(), context });
	return context;
}

/** The full analysis of all the RCC's children (server side only: results leave it suppressed). */
export function regionAnalysis(sql: postgres.Sql, rcc: Rcc): Promise<AnalysisContext> {
	return kept(sql, rcc.id, () =>
		analysisInputOf(sql, rcc, rcc.laCodes).then((input) => {
			const ready = prepareAnalysis(input);
			ready.whatIfBase();
			return ready;
		})
	);
}

/**
 * Every home, fostering capacity point and child in England (server side only), for questions that
 * ignore region borders: the radius tool's circle may reach into LAs of no RCC the reader belongs to.
 */
export function englandAnalysis(sql: postgres.Sql): Promise<AnalysisContext> {
	return kept(sql, ENGLAND_ID, async () => {
		const england = await rccs.find(sql, ENGLAND_ID);
		return prepareAnalysis(await analysisInputOf(sql, england!, england!.laCodes));
	});
}
