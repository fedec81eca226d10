import type postgres from 'postgres';
import { prepareAnalysis, type AnalysisContext } from '$lib/domain/analysis';
import { analysisInputOf } from '$lib/server/db/analysis-input';
import type { Rcc } from '$lib/server/db/rccs';

/** Dragging a proposed home posts a what-if several times a second: the prepared region is kept briefly. */
const KEEP_MS = 60_000;

/** Per database (tests open several in one process), then per RCC. */
const preparedBy = new WeakMap<
	postgres.Sql,
	Map<string, { at: number; context: Promise<AnalysisContext> }>
>();

/** The full analysis of all the RCC's children (server side only: results leave it suppressed). */
export function regionAnalysis(sql: postgres.Sql, rcc: Rcc): Promise<AnalysisContext> {
	let prepared = preparedBy.get(sql);
	if (!prepared) preparedBy.set(sql, (prepared = new Map()));
	const cached = prepared.get(rcc.id);
	if (cached && Date.now() - cached.at < KEEP_MS) return cached.context;
	const context = analysisInputOf(sql, rcc, rcc.laCodes).then((input) => {
		const ready = prepareAnalysis(input);
		ready.whatIfBase();
		return ready;
	});
	context.catch(() => prepared.delete(rcc.id));
	prepared.set(rcc.id, { at: Date.now(), context });
	return context;
}
