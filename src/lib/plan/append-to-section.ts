import * as Y from 'yjs';
import { textOf } from './template-upgrade';

const levelOf = (node: unknown) =>
	node instanceof Y.XmlElement && node.nodeName === 'heading' ? Number(node.getAttribute('level')) || 2 : 0;

/** The headings of a plan's text, in order, as a list to choose a section from. */
export function sectionHeadings(body: Y.XmlFragment): string[] {
	return body
		.toArray()
		.filter((node) => levelOf(node) > 0)
		.map((node) => textOf(node as Y.XmlElement).trim());
}

/**
 * Inserts `block` at the end of the section under the first heading reading `heading` (before the next
 * heading of the same level or above, so after its subsections), or at the end of the text when no
 * heading reads so (renamed or deleted meanwhile by someone else).
 */
export function appendToSection(body: Y.XmlFragment, heading: string, block: Y.XmlElement): void {
	const nodes = body.toArray();
	const start = nodes.findIndex(
		(node) => levelOf(node) > 0 && textOf(node as Y.XmlElement).trim() === heading
	);
	if (start < 0) return body.push([block]);
	const level = levelOf(nodes[start]);
	let end = start + 1;
	while (end < nodes.length && !(levelOf(nodes[end]) > 0 && levelOf(nodes[end]) <= level)) end++;
	body.insert(end, [block]);
}
