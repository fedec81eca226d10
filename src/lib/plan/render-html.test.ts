import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newPlanState } from './new-plan-state';
import { planTextLines, renderPlanHtml } from './render-html';
import { BODY_FIELD, type ActionRow } from './schema';
import { TEMPLATE_SECTIONS } from './template';

const row: ActionRow = {
	id: 'a1',
	action: 'Open a <home> in Medway',
	ownerLa: 'E06000035',
	lead: 'J. Smith',
	dueDate: '2027-03-31',
	status: 'amber',
	linkedGap: 'No places within 20 miles',
	link: null
};

function templateBody() {
	const doc = new Y.Doc();
	Y.applyUpdate(
		doc,
		newPlanState({ rccName: 'South East', period: '2026-2029', laNames: ['Kent', 'Medway'] })
	);
	return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FIELD));
}

describe('renderPlanHtml', () => {
	it('renders every section of the template, figures frozen and the action plan after its heading', () => {
		const { html, figures } = renderPlanHtml({
			title: 'Our strategy',
			body: templateBody(),
			actions: [row],
			figure: (ref) => ({
				...ref,
				text: `Region: 42 ${ref.metric}`,
				value: 42,
				suppressed: false,
				areaName: 'Region'
			}),
			laNames: { E06000035: 'Medway' }
		});
		for (const section of TEMPLATE_SECTIONS) expect(html).toContain(`>${section.replace("'", '&#39;')}</h2>`);
		expect(figures.map((f) => f.metric)).toEqual(['childrenLookedAfter', 'percentOver20Miles']);
		expect(html).toContain(
			'<span class="figure" data-area="region" data-metric="percentOver20Miles">Region: 42 percentOver20Miles</span>'
		);
		expect(html.indexOf('<table class="action-plan">')).toBeGreaterThan(html.indexOf('>Action plan</h2>'));
		expect(html.indexOf('<table class="action-plan">')).toBeLessThan(
			html.indexOf('>Governance and review</h2>')
		);
		expect(html).toContain('<td>Open a &lt;home&gt; in Medway</td><td>Medway</td>');
	});

	it("opens with the plan's title as the page's only level-1 heading", () => {
		const { html } = renderPlanHtml({
			title: 'Our <strategy> 2026-2029',
			body: {
				type: 'doc',
				content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'A' }] }]
			},
			actions: [],
			figure: () => null,
			laNames: {}
		});
		expect(
			html.startsWith('<h1 id="our-strategy-2026-2029">Our &lt;strategy&gt; 2026-2029</h1><h2 id="a">A</h2>')
		).toBe(true);
		expect(html.match(/<h1/g)).toHaveLength(1);
	});

	it('escapes text, drops unsafe links and unknown nodes keep only their text', () => {
		const { html } = renderPlanHtml({
			title: 'Our strategy',
			body: {
				type: 'doc',
				content: [
					{
						type: 'paragraph',
						content: [
							{
								type: 'text',
								text: 'bad',
								marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]
							},
							{
								type: 'text',
								text: 'good',
								marks: [{ type: 'link', attrs: { href: 'https://example.org/?a=1&b=2' } }]
							}
						]
					},
					{ type: 'script', content: [{ type: 'text', text: '<script>x</script>' }] }
				]
			},
			actions: [],
			figure: () => null,
			laNames: {}
		});
		expect(html).toContain('<p>bad<a href="https://example.org/?a=1&amp;b=2">good</a></p>');
		expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
		expect(html).not.toContain('<script>');
		expect(html).toContain('<h2 id="action-plan">Action plan</h2><p class="plan-empty">');
	});
});

describe('planTextLines', () => {
	it('gives one line per block, headings marked', () => {
		const lines = planTextLines(templateBody());
		expect(lines[0]).toBe('## Purpose and legal context');
		expect(lines).toContain('## Needs analysis');
		expect(lines).toContain('Kent');
	});
});

describe('renderPlanHtml action plan links', () => {
	it('shows a linked feature as its frozen label, linking into no private map, with any earlier note', () => {
		const { html } = renderPlanHtml({
			title: 'Our strategy',
			body: { type: 'doc', content: [] },
			actions: [
				{
					...row,
					id: 'a',
					linkedGap: '',
					link: { kind: 'gap', cell: '851951b7fffffff', label: 'Gap 3: 24 children, near <Wigan>' }
				},
				{ ...row, id: 'b', link: { kind: 'la', code: 'E08000010', label: 'Wigan (LA)' } },
				{ ...row, id: 'c', linkedGap: 'Free text', link: null }
			],
			figure: () => null,
			laNames: {}
		});
		expect(html).toContain('<th scope="col">Linked gap or map feature</th>');
		expect(html).toContain(
			'<td><span class="linked-feature" data-kind="gap">Gap 3: 24 children, near &lt;Wigan&gt;</span></td>'
		);
		expect(html).toContain(
			'<td><span class="linked-feature" data-kind="la">Wigan (LA)</span><br>No places within 20 miles</td>'
		);
		expect(html).toContain('<td>Free text</td>');
		expect(html).not.toContain('href');
		expect(html).not.toContain('851951b7fffffff');
	});
});
