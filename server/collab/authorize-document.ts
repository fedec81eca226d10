import type postgres from 'postgres';
import type { DocName } from '../../src/lib/collab/doc-name';
import { canEditPlans, roleIn } from '../../src/lib/server/access';
import type { Authorize, CollabUser, DocumentAccess } from './types';

/**
 * What a role in the document's RCC allows, asked of the same rules as every HTTP handler
 * (src/lib/server/access.ts): anyone with a role reads, those who may edit plans write.
 */
export function accessFor(user: CollabUser, rccId: string): Exclude<DocumentAccess, 'not-found'> {
	if (!roleIn(user, rccId)) return 'none';
	return canEditPlans(user, rccId) ? 'write' : 'read';
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
