import { json } from '@sveltejs/kit';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { notFound } from '$lib/server/responses';
import { planOr404 } from '$lib/plan/server/plan-request.server';
import * as snapshots from '$lib/plan/server/snapshots.server';
import { planTextLines } from '$lib/plan/render-html';
import { planParts, readActionRows } from '$lib/plan/schema';
import type { RequestHandler } from './$types';
import { CACHE_CONTROL } from '$lib/server/json-response';

/**
 * One named version, to open, compare or restore: its text as ProseMirror JSON and as lines, and its
 * action plan. Restoring writes this content into the live document from the browser, through the editor
 * and transact(), so that it reaches everyone editing and stays one undoable change.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { sql } = locals.runtime.db;
	const { plan, response } = await planOr404(sql, params, locals.user);
	if (!plan) return response;
	const state = await snapshots.read(sql, plan.id, params.snapshotId);
	if (!state) return notFound(`There is no version "${params.snapshotId}" of this plan.`);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	const body = yXmlFragmentToProsemirrorJSON(planParts(doc).body);
	const result = { id: params.snapshotId, body, lines: planTextLines(body), actions: readActionRows(doc) };
	doc.destroy();
	return json(result, { headers: { 'cache-control': CACHE_CONTROL['no-store'] } });
};
