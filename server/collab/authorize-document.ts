import type postgres from 'postgres';
import type { DocName } from '../../src/lib/collab/doc-name';
import type { Authorize, CollabUser, DocumentAccess } from './types';

/**
 * What a role in the document's RCC allows (DESIGN.md "Privacy and access"): viewers read, commissioners
 * and RCC administrators edit; no role in that RCC, no access.
 */
export function accessFor(user: CollabUser, rccId: string): Exclude<DocumentAccess, 'not-found'> {
	const grant = user.roles.find((role) => role.rccId === rccId);
	if (!grant) return 'none';
	return grant.role === 'viewer' ? 'read' : 'write';
}

/** Finds the RCC a document belongs to (`map:<rccId>`, or the plan's RCC), then applies `accessFor`. */
export function createDocumentAuthorizer(sql: postgres.Sql): Authorize {
	return async (user, doc: DocName) => {
		let rccId: string | undefined;
		if (doc.kind === 'map') {
			const [row] = await sql<{ id: string }[]>`select id from rccs where id = ${doc.rccId}`;
			rccId = row?.id;
		} else {
			const [row] = await sql<{ rcc_id: string }[]>`select rcc_id from plans where id = ${doc.planId}`;
			rccId = row?.rcc_id;
		}
		return rccId === undefined ? 'not-found' : accessFor(user, rccId);
	};
}
