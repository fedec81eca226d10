import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type postgres from 'postgres';
import type { CurrentUser, RccSummary } from '../../domain/types';
import * as audit from '../../server/audit';
import * as fostering from '../../server/db/fostering';
import * as homes from '../../server/db/homes';
import * as las from '../../server/db/las';
import type { Rcc } from '../../server/db/rccs';
import { rccSummary } from '../../server/rcc-summary';
import { figureValue } from '../figure-text';
import { MAP_VIEW_NODE } from '../map-view';
import { renderMapViewSvg, type MapViewData } from '../map-view-svg';
import { publishableBody } from '../publishable-body';
import { escapeHtml, renderPlanHtml } from '../render-html';
import { planParts, readActionRows } from '../schema';
import { oldTemplateTitle } from '../template';
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

function holdsMapView(node: JSONContent): boolean {
	return node.type === MAP_VIEW_NODE || (node.content ?? []).some(holdsMapView);
}

/**
 * What published map views are drawn from, read once per publication: boundaries, the member LAs'
 * homes (public Ofsted data) and fostering capacity, with the anonymous reader's summary.
 */
async function mapViewData(
	sql: postgres.Sql,
	rcc: Rcc,
	summary: RccSummary,
	frozenOn: string
): Promise<MapViewData> {
	const boundaries = await las.boundariesAround(sql, rcc.laCodes, las.MAP_CONTEXT_MARGIN_DEGREES);
	const [homeRows, capacity] = await Promise.all([
		homes.inLas(sql, rcc.laCodes),
		fostering.ofLas(
			sql,
			boundaries.map((la) => la.code)
		)
	]);
	return {
		rccName: rcc.name,
		boundaries,
		homes: homeRows.map((home) => ({
			sector: home.sector,
			places: home.places,
			lon: home.lon,
			lat: home.lat
		})),
		fosteringPlaces: Object.fromEntries(capacity.map((row) => [row.laCode, row.places])),
		las: summary.las,
		frozenOn
	};
}

/**
 * Freezes a plan into its next published version under the plan's own title: the text as stored now
 * without template prompts, every live figure replaced by
 * its value as an anonymous reader may see it (the summary for no user: every child figure that leaves
 * its LA goes through suppression.ts), every map view drawn as a static image from public and LA-level
 * data (map-view-svg.ts), and the action plan. Recorded in the audit log.
 */
export async function publishPlan(
	sql: postgres.Sql,
	options: { rcc: Rcc; plan: Plan; user: CurrentUser; address: string | null }
): Promise<publishedVersions.PublishedListing> {
	const { rcc, plan, user } = options;
	const [doc, summary] = await Promise.all([readPlanDoc(sql, plan.id), rccSummary(sql, rcc, null)]);
	// Whatever the document holds, template prompts are never published as text (publishable-body.ts).
	const body = publishableBody(
		yXmlFragmentToProsemirrorJSON(planParts(doc).body),
		oldTemplateTitle({ rccName: rcc.name, period: plan.period ?? '' })
	);
	const frozenOn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(
		new Date()
	);
	const maps = holdsMapView(body) ? await mapViewData(sql, rcc, summary, frozenOn) : null;
	const rendered = renderPlanHtml({
		title: plan.period ? `${plan.title} ${plan.period}` : plan.title,
		body,
		actions: readActionRows(doc),
		figure: (ref) => figureValue(summary, ref),
		laNames: Object.fromEntries(summary.las.map((la) => [la.code, la.name])),
		mapView: maps ? (spec, id) => renderMapViewSvg(spec, maps, id) : undefined
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
