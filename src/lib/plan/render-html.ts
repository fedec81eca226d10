import type { JSONContent } from '@tiptap/core';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { planExtensions } from './extensions';
import { isFigureMetric, type FigureRef, type FigureValue } from './figure-text';
import { readMapView, type MapViewSpec } from './map-view-spec';
import { RAG_LABELS, type ActionRow } from './schema';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Links keep only web and mail addresses: a `javascript:` href typed into the plan is dropped. */
function safeHref(href: unknown): string | null {
	if (typeof href !== 'string') return null;
	return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

export interface RenderInput {
	/** The plan's title (and period), the page's one level-1 heading; the text's headings start at 2. */
	title: string;
	body: JSONContent;
	actions: ActionRow[];
	/** The figure a chip quotes, frozen at publishing; null when it cannot be resolved. */
	figure: (ref: FigureRef) => FigureValue | null;
	/** LA names by ONS code, for the action plan's owner column. */
	laNames: Record<string, string>;
	/**
	 * A map view frozen at publishing (map-view-svg.ts), given an id unique in the page; without it a
	 * map view renders as its caption only.
	 */
	mapView?: (spec: MapViewSpec, id: string) => string;
}

export interface Rendered {
	html: string;
	/** Every figure quoted, in order of appearance, as frozen into the HTML. */
	figures: FigureValue[];
}

function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * The frozen label, as text: the map it points into is for signed-in members of the RCC only, so a
 * published page links to nothing. The free text from before links follows it, when there is some.
 */
function linkCell(row: ActionRow): string {
	const link = row.link
		? `<span class="linked-feature" data-kind="${row.link.kind}">${escapeHtml(row.link.label)}</span>`
		: '';
	const note = row.linkedGap ? escapeHtml(row.linkedGap) : '';
	return link && note ? `${link}<br>${note}` : link || note;
}

function actionTable(rows: ActionRow[], laNames: Record<string, string>): string {
	if (rows.length === 0) return '<p class="plan-empty">No actions have been added yet.</p>';
	const cells = (row: ActionRow) =>
		[
			escapeHtml(row.action),
			escapeHtml(laNames[row.ownerLa] ?? row.ownerLa),
			escapeHtml(row.lead),
			escapeHtml(row.dueDate),
			`<span class="rag rag--${row.status}">${escapeHtml(RAG_LABELS[row.status])}</span>`,
			linkCell(row)
		]
			.map((cell) => `<td>${cell}</td>`)
			.join('');
	return (
		'<table class="action-plan"><caption class="visually-hidden">Action plan</caption><thead><tr>' +
		['Action', 'Owner LA', 'Lead', 'Due', 'Status', 'Linked gap or map feature']
			.map((h) => `<th scope="col">${h}</th>`)
			.join('') +
		'</tr></thead><tbody>' +
		rows.map((row) => `<tr>${cells(row)}</tr>`).join('') +
		'</tbody></table>'
	);
}

/**
 * A plan as static HTML for its published version, drawn by Tiptap's static renderer from the editor's
 * own extensions (so a node the editor gains renders without being written twice, and escaping is the
 * library's): every live figure replaced by its value at the time (the data may change; the published
 * version must not), map views by their frozen pictures, and the action plan table placed after the
 * "Action plan" heading (or at the end). A node or mark outside the plan schema, which only a hostile
 * client could have written, renders as its text; links keep web and mail addresses only.
 */
export function renderPlanHtml(input: RenderInput): Rendered {
	const figures: FigureValue[] = [];
	let actionsPlaced = false;
	let mapViews = 0;
	const html = renderToHTMLString({
		content: input.body,
		extensions: planExtensions(),
		options: {
			nodeMapping: {
				heading({ node, children }) {
					const level = Math.min(Math.max(Number(node.attrs.level) || 2, 2), 6);
					const inner = `<h${level} id="${slug(node.textContent)}">${joined(children)}</h${level}>`;
					if (actionsPlaced || node.textContent.trim().toLowerCase() !== 'action plan') return inner;
					actionsPlaced = true;
					return inner + actionTable(input.actions, input.laNames);
				},
				liveFigure({ node }) {
					const area = String(node.attrs.area ?? '');
					const metric: unknown = node.attrs.metric;
					const value = isFigureMetric(metric) ? input.figure({ area, metric }) : null;
					if (value) figures.push(value);
					const shown = value?.text ?? String(node.attrs.text || 'figure not available');
					return `<span class="figure" data-area="${escapeHtml(area)}" data-metric="${escapeHtml(String(metric))}">${escapeHtml(shown)}</span>`;
				},
				mapView({ node }) {
					const spec = readMapView(node.attrs);
					const id = `map-view-${++mapViews}`;
					return input.mapView
						? input.mapView(spec, id)
						: `<figure class="map-figure" id="${id}"><figcaption>${escapeHtml(spec.caption || 'Map view')}</figcaption></figure>`;
				}
			},
			markMapping: {
				link({ mark, children }) {
					const href = safeHref(mark.attrs.href);
					return href ? `<a href="${escapeHtml(href)}">${joined(children)}</a>` : joined(children);
				}
			},
			unhandledNode: ({ node }) => escapeHtml(node.textContent),
			unhandledMark: ({ children }) => joined(children)
		}
	});
	let page = `<h1 id="${slug(input.title)}">${escapeHtml(input.title)}</h1>` + html;
	if (!actionsPlaced)
		page += '<h2 id="action-plan">Action plan</h2>' + actionTable(input.actions, input.laNames);
	return { html: page, figures };
}

const joined = (children: string | string[] | undefined) => [children ?? ''].flat().join('');

function formatExtentLine(spec: MapViewSpec): string {
	const extent = spec.extent;
	return extent.kind === 'region'
		? 'whole region'
		: extent.kind === 'la'
			? extent.code
			: extent.bounds.join(', ');
}

/** The text of a plan, one block per line, for comparing versions. */
export function planTextLines(body: JSONContent): string[] {
	const lines: string[] = [];
	const visit = (node: JSONContent) => {
		if (node.type === 'mapView') {
			const spec = readMapView(node.attrs);
			lines.push(
				`[Map: ${spec.caption || 'untitled'} (${spec.layers.join(', ')}; ${formatExtentLine(spec)})]`
			);
			return;
		}
		if (['paragraph', 'heading', 'codeBlock'].includes(node.type ?? '')) {
			const prefix = node.type === 'heading' ? '#'.repeat(Number(node.attrs?.level) || 2) + ' ' : '';
			lines.push(prefix + inlineText(node));
			return;
		}
		(node.content ?? []).forEach(visit);
	};
	const inlineText = (node: JSONContent): string =>
		node.type === 'text'
			? (node.text ?? '')
			: node.type === 'liveFigure'
				? `[${String(node.attrs?.text || node.attrs?.metric)}]`
				: (node.content ?? []).map(inlineText).join('');
	visit(body);
	return lines;
}
