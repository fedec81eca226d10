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

/** A sign-in session: `id` names it without being its secret (the app: the hash of the cookie's token). */
export interface CollabSession {
	id: string;
	user: CollabUser;
}

/** What a person may do with one document; `not-found` when the document's plan or RCC does not exist. */
export type DocumentAccess = 'write' | 'read' | 'none' | 'not-found';

/** Resolves the session of an upgrade request (its cookie); null without a valid session. */
export type Authenticate = (request: IncomingMessage) => Promise<CollabSession | null>;

/**
 * The sessions among `ids` still valid now (not ended, expired or of a disabled account), each with its
 * person as they are now (roles may have changed since the upgrade).
 */
export type LiveSessions = (ids: string[]) => Promise<Map<string, CollabUser>>;

export type Authorize = (user: CollabUser, doc: DocName) => Promise<DocumentAccess>;
