import * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;
import { readScenario, workshopParts } from './schema';

/**
 * What a transaction changed in the workshop document, in words ("changed Scenario 2", "changed the
 * notes"), for the line that tells everyone what others just did; null when it touched nothing shown.
 */
export function describeChange(doc: Y.Doc, transaction: Y.Transaction): string | null {
	const parts = workshopParts(doc);
	const scenarioIds = new Set<string>();
	const roots = new Set<AnyType>();
	for (const type of transaction.changed.keys()) {
		let child: AnyType = type;
		let parent = child._item?.parent;
		while (parent instanceof Y.AbstractType && (parent as AnyType) !== parts.scenarios && parent._item) {
			child = parent;
			parent = child._item?.parent;
		}
		if ((parent as AnyType) === parts.scenarios && child._item?.parentSub)
			scenarioIds.add(child._item.parentSub);
		else if ((type as AnyType) === parts.scenarios)
			for (const key of transaction.changed.get(type) ?? []) if (key) scenarioIds.add(key);
		roots.add(parent instanceof Y.AbstractType && !parent._item ? parent : type);
	}
	const said: string[] = [];
	if (scenarioIds.size > 0) {
		const names = [...scenarioIds].map((id) => readScenario(doc, id)?.name ?? 'a scenario now deleted');
		said.push(
			`changed ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`
		);
	}
	if (roots.has(parts.notes as AnyType)) said.push('changed the notes');
	if (roots.has(parts.areas as AnyType)) said.push('changed the drawn areas');
	if (roots.has(parts.scenes as AnyType)) said.push('changed the scenes');
	return said.length ? said.join('; ') : null;
}

/** The awareness client ids whose changes a transaction brought (their clocks moved on). */
export function authorsOf(transaction: Y.Transaction): number[] {
	return [...transaction.afterState]
		.filter(([client, clock]) => clock > (transaction.beforeState.get(client) ?? 0))
		.map(([client]) => client);
}
