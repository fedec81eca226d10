import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planExtensions } from './extensions';
import { newPlanState } from './new-plan-state';
import { emptySections, plainText, sectionPlaceholders } from './plan-sections';
import { publishableBody } from './publishable-body';
import { PLAN_SCHEMA_VERSION, planParts } from './schema';
import { SECTION_GUIDANCE, oldTemplateTitle } from './template';
import { transact } from './transact';

const OLD_TITLE = oldTemplateTitle({ rccName: 'South East', period: '2026-2029' });
const heading = (level: number, text: string): JSONContent => ({
	type: 'heading',
	attrs: { level },
	content: [{ type: 'text', text }]
});
const paragraph = (text: string, italic = false): JSONContent => ({
	type: 'paragraph',
	content: [{ type: 'text', text, ...(italic ? { marks: [{ type: 'italic' }] } : {}) }]
});

/** A plan's text as the template wrote it before schema version 3: a title, prompts as italic text. */
const oldTemplate = (): JSONContent => ({
	type: 'doc',
	content: [
		heading(1, OLD_TITLE),
		heading(2, 'Needs analysis'),
		paragraph(SECTION_GUIDANCE['Needs analysis'], true),
		heading(2, 'Gaps and priorities'),
		paragraph(SECTION_GUIDANCE['Gaps and priorities'], true),
		paragraph('Our own words.'),
		paragraph(`${SECTION_GUIDANCE['Governance and review']} The board meets quarterly.`, true)
	]
});

function docOf(body: JSONContent, version: number): Y.Doc {
	const doc = new Y.Doc();
	prosemirrorJSONToYXmlFragment(getSchema(planExtensions()), body, planParts(doc).body);
	planParts(doc).meta.set('schemaVersion', version);
	return doc;
}

const bodyOf = (doc: Y.Doc) => yXmlFragmentToProsemirrorJSON(planParts(doc).body);
const texts = (body: JSONContent) => (body.content ?? []).map(plainText);

describe('a new plan', () => {
	const doc = new Y.Doc();
	Y.applyUpdate(
		doc,
		newPlanState({ rccName: 'South East', period: '2026-2029', laNames: ['Kent', 'Medway'] })
	);
	const body = bodyOf(doc);

	it('stores no prompt and no title of its own, and is of the current schema version', () => {
		const stored = JSON.stringify(body);
		for (const guidance of Object.values(SECTION_GUIDANCE)) expect(stored).not.toContain(guidance);
		expect(stored).not.toContain('sufficiency strategy');
		expect(stored).not.toContain('italic');
		expect(planParts(doc).meta.get('schemaVersion')).toBe(PLAN_SCHEMA_VERSION);
	});

	it('shows each section its prompt as a placeholder, in its first empty paragraph', () => {
		const blocks = body.content ?? [];
		const shown = sectionPlaceholders(blocks);
		expect(shown.size).toBe(Object.keys(SECTION_GUIDANCE).length);
		for (const [index, guidance] of shown) {
			expect(blocks[index].type).toBe('paragraph');
			expect(plainText(blocks[index])).toBe('');
			expect(guidance).toBe(SECTION_GUIDANCE[plainText(blocks[index - 1])]);
		}
	});

	it('lists its sections still to write, parents aside', () => {
		const empty = emptySections(body);
		expect(empty).toContain('Needs analysis');
		expect(empty).toContain('Fostering');
		expect(empty).not.toContain('Current provision');
		expect(empty).not.toContain('The region and its children');
		expect(empty).not.toContain('Action plan');
		const blocks = [...(body.content ?? [])];
		const needs = blocks.findIndex((block) => plainText(block) === 'Needs analysis');
		blocks[needs + 1] = paragraph('About 40 more places a year.');
		expect(emptySections({ ...body, content: blocks })).not.toContain('Needs analysis');
	});
});

describe('a plan started before prompts were placeholders', () => {
	it('is upgraded once: untouched prompts emptied, the template title gone, written text kept', () => {
		const doc = docOf(oldTemplate(), 2);
		transact(doc, { kind: 'schema.placeholders', oldTitle: OLD_TITLE });
		expect(planParts(doc).meta.get('schemaVersion')).toBe(3);
		expect(texts(bodyOf(doc))).toEqual([
			'Needs analysis',
			'',
			'Gaps and priorities',
			'',
			'Our own words.',
			`${SECTION_GUIDANCE['Governance and review']} The board meets quarterly.`
		]);
		// Version 3 is never upgraded again: a prompt typed back in stays until publishing drops it.
		planParts(doc).body.insert(1, [new Y.XmlElement('paragraph')]);
		(planParts(doc).body.get(1) as Y.XmlElement).insert(0, [
			new Y.XmlText(SECTION_GUIDANCE['Needs analysis'])
		]);
		transact(doc, { kind: 'schema.placeholders', oldTitle: OLD_TITLE });
		expect(texts(bodyOf(doc))[1]).toBe(SECTION_GUIDANCE['Needs analysis']);
	});

	it('two editors upgrading at once end with one text, nothing lost or doubled', () => {
		const first = docOf(oldTemplate(), 2);
		const second = new Y.Doc();
		Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
		transact(first, { kind: 'schema.placeholders', oldTitle: OLD_TITLE });
		transact(second, { kind: 'schema.placeholders', oldTitle: OLD_TITLE });
		Y.applyUpdate(first, Y.encodeStateAsUpdate(second));
		Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
		expect(bodyOf(first)).toEqual(bodyOf(second));
		expect(texts(bodyOf(first))).toEqual([
			'Needs analysis',
			'',
			'Gaps and priorities',
			'',
			'Our own words.',
			expect.any(String)
		]);
	});

	it('keeps a title someone rewrote', () => {
		const body = oldTemplate();
		body.content![0] = heading(1, 'Our strategy');
		const doc = docOf(body, 2);
		transact(doc, { kind: 'schema.placeholders', oldTitle: OLD_TITLE });
		expect(texts(bodyOf(doc))[0]).toBe('Our strategy');
	});
});

describe('publishableBody', () => {
	it('drops prompts whatever the client stored, italic or not, and the old title; keeps what was written', () => {
		const body = oldTemplate();
		body.content!.push(paragraph(`  ${SECTION_GUIDANCE['Commissioning intentions']} `), {
			type: 'bulletList',
			content: [{ type: 'listItem', content: [paragraph(SECTION_GUIDANCE['Fostering'])] }]
		});
		const published = JSON.stringify(publishableBody(body, OLD_TITLE));
		for (const guidance of Object.values(SECTION_GUIDANCE)) expect(published).not.toContain(`"${guidance}"`);
		expect(published).not.toContain(OLD_TITLE);
		expect(published).toContain('Our own words.');
		expect(published).toContain('The board meets quarterly.');
		expect(texts(publishableBody(body, OLD_TITLE))).toEqual([
			'Needs analysis',
			'Gaps and priorities',
			'Our own words.',
			`${SECTION_GUIDANCE['Governance and review']} The board meets quarterly.`,
			''
		]);
	});
});
