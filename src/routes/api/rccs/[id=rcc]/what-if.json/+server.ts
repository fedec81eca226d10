import { AnalysisInputError, parseProposals, whatIf } from '$lib/domain/analysis';
import { ENGLAND_ID } from '$lib/domain/types';
import { canEditPlans, canSeeChildRecords, denied } from '$lib/server/access';
import { regionAnalysis } from '$lib/server/analysis/region-analysis';
import { suppressWhatIf } from '$lib/server/analysis/suppress-what-if';
import { jsonResponse } from '$lib/server/json-response';
import { notFound, rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** More proposed homes than anyone drags around a map; bounds the work one request can ask for. */
const MAX_PROPOSALS = 200;

/**
 * What-if over all the RCC's children: `{ proposals }` (added, moved or removed homes, validated with
 * zod) -> per member LA and for the region, children over 20 miles who could live within 20 miles before
 * and after, and the share over 20 miles now and after; suppressed except the reader's own LAs.
 * `proposals` says of each added or moved home whether it serves anyone: only whether, not how many,
 * since the per-home counts add up to the region's gain and could reveal a withheld one.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	if (rcc.id === ENGLAND_ID) return notFound('The analysis is per RCC.');
	// Proposing homes is scenario work: commissioners and RCC administrators, not viewers.
	if (!user) return denied(user);
	if (!canEditPlans(user, rcc.id))
		return Response.json(
			{ message: 'Viewers cannot propose homes: what-if is for commissioners and RCC administrators.' },
			{ status: 403 }
		);
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return Response.json({ message: 'The body must be JSON: { "proposals": [...] }.' }, { status: 400 });
	}
	const raw = (body as { proposals?: unknown } | null)?.proposals;
	if (!Array.isArray(raw) || raw.length > MAX_PROPOSALS)
		return Response.json(
			{ message: `proposals must be a list of at most ${MAX_PROPOSALS}.` },
			{ status: 400 }
		);
	let proposals;
	try {
		proposals = parseProposals(raw);
	} catch (error) {
		if (error instanceof AnalysisInputError)
			return Response.json({ message: 'Invalid proposals.', issues: error.issues }, { status: 400 });
		throw error;
	}
	const context = await regionAnalysis(sql, rcc);
	// A shared scenario may name a home that is gone (or never was): a 400 saying which, not a 500.
	const unknown = proposals.flatMap((p) =>
		p.action !== 'add' && !context.providers.byUrn.has(p.urn) ? [p.urn] : []
	);
	if (unknown.length > 0)
		return Response.json(
			{ message: `No children's home with URN ${unknown.slice(0, 5).join(', ')} in this region.` },
			{ status: 400 }
		);
	const result = whatIf(context, proposals, { rccId: rcc.id });
	const members = new Set(rcc.laCodes);
	result.las = result.las.filter((la) => members.has(la.code));
	const publicResult = suppressWhatIf(result, (code) => canSeeChildRecords(user, code));
	const helps = result.byProposal.map(({ id, children }) => ({ id, helps: children > 0 }));
	return jsonResponse({ ...publicResult, proposals: helps }, { request });
};
