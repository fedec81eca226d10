/**
 * Names of collaborative documents (DESIGN.md): `plan:<planId>` is one sufficiency plan, `map:<rccId>` the
 * shared map layer of one RCC (annotations, proposed homes of scenarios, comments).
 */
export type DocName = { kind: 'plan'; planId: string } | { kind: 'map'; rccId: string };

/** Ids as the app makes them: UUIDs, slugs and codes. Anything else cannot name a document. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function parseDocName(name: string): DocName | null {
	const colon = name.indexOf(':');
	if (colon < 0) return null;
	const kind = name.slice(0, colon);
	const id = name.slice(colon + 1);
	if (!ID.test(id)) return null;
	if (kind === 'plan') return { kind, planId: id };
	if (kind === 'map') return { kind, rccId: id };
	return null;
}

export function formatDocName(doc: DocName): string {
	return doc.kind === 'plan' ? `plan:${doc.planId}` : `map:${doc.rccId}`;
}
