import type { IncomingMessage } from 'node:http';
import type { DocName } from '../../src/lib/collab/doc-name';

export type Role = 'viewer' | 'commissioner' | 'rcc_admin';

/** The signed-in person as the collaboration server needs them (a subset of the app's CurrentUser). */
export interface CollabUser {
	id: number | string;
	name: string;
	la: { code: string; name?: string } | null;
	roles: { rccId: string; role: Role }[];
}

/** What a person may do with one document; `not-found` when the document's plan or RCC does not exist. */
export type DocumentAccess = 'write' | 'read' | 'none' | 'not-found';

/** Resolves the session of an upgrade request (its cookie) to a person; null without a valid session. */
export type Authenticate = (request: IncomingMessage) => Promise<CollabUser | null>;

export type Authorize = (user: CollabUser, doc: DocName) => Promise<DocumentAccess>;
