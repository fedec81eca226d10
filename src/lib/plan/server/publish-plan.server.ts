import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type postgres from 'postgres';
import type { CurrentUser } from '../../domain/types';
import * as audit from '../../server/audit';
import type { Rcc } from '../../server/db/rccs';
import { rccSummary } from '../../server/rcc-summary';
import { figureValue } from '../figure-text';
import { escapeHtml, renderPlanHtml } from '../render-html';
import { planParts, readActionRows } from '../schema';
import { readPlanDoc } from './plan-doc.server';
import type { Plan } from './plans.server';
import * as publishedVersions from './published-versions.server';

function sourcesHtml(sources: string[]): string {
	const items = sources.map((source) => `<li>${escapeHtml(source)}</li>`).join('');
	return (
		'<section class="plan-sources"><h2 id="sources-of-figures">Sources of figures</h2>' +
		'<p>Figures are shown as they stood when this version was published. Counts from 1 to 4, and any figure ' +
		'that would reveal one, are withheld to protect children&#39;s privacy.</p>' +
		`<ul>${items}</ul></section>`
	);
}

/**
 * Freezes a plan into its next published version: the text as stored now, every live figure replaced by
 * its value as an anonymous reader may see it (the summary for no user: every child figure that leaves
 * its LA goes through suppression.ts), and the action plan. Recorded in the audit log.
 */
export async function publishPlan(
	sql: postgres.Sql,
	options: { rcc: Rcc; plan: Plan; user: CurrentUser; address: string | null }
): Promise<publishedVersions.PublishedListing> {
	const { rcc, plan, user } = options;
	const [doc, summary] = await Promise.all([readPlanDoc(sql, plan.id), rccSummary(sql, rcc, null)]);
	const rendered = renderPlanHtml({
		body: yXmlFragmentToProsemirrorJSON(planParts(doc).body),
		actions: readActionRows(doc),
		figure: (ref) => figureValue(summary, ref),
		laNames: Object.fromEntries(summary.las.map((la) => [la.code, la.name]))
	});
	doc.destroy();
	const published = await publishedVersions.append(sql, {
		rccId: rcc.id,
		planId: plan.id,
		title: plan.title,
		period: plan.period,
		html: rendered.html + sourcesHtml(summary.sources),
		figures: rendered.figures,
		publishedBy: user.id,
		publishedByName: user.name
	});
	await audit.record(sql, {
		action: 'publish',
		actor: user,
		rccId: rcc.id,
		subject: `${plan.title} v${published.version}`,
		details: { planId: plan.id, version: published.version },
		address: options.address
	});
	return published;
}
