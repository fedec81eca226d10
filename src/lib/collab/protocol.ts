/**
 * The collaboration wire protocol, shared by the server (server/collab) and the browser client (connect.ts).
 *
 * It is the standard y-websocket protocol, so the stock `WebsocketProvider` connects unchanged: every
 * binary frame starts with a varUint message tag, followed by the payload of y-protocols' sync, awareness
 * or auth message. Nothing is added to the frames the stock client understands; the only extension is the
 * meaning of one auth message, below.
 *
 * Version 1:
 * - Read-only access. A client connected without the right to write (a viewer) receives, right after the
 *   server's sync step 1, an auth message `permission-denied` whose reason is `READ_ONLY_REASON`. The
 *   server drops every sync step 2 and update it receives from that connection (the document never
 *   changes), while sync step 1 (reading) and awareness (presence) work as for editors. The stock client
 *   logs a console warning; `connect.ts` recognises the reason and reports `readOnly`.
 * - A client that does not read what it is sent fast enough is cut off without a close frame (it
 *   would queue behind the backlog); the client sees 1006 and reconnects.
 * - Close codes the server uses (RFC 6455 and the y-websocket convention that 4400-4499 means "do not
 *   reconnect"): see `CloseCode`.
 *
 * Access is decided before the upgrade, as HTTP responses and never a socket: 401 without a session,
 * 403 without a right to the document, 404 for an unknown or malformed document name, 429 when the
 * session has too many sockets open. It is decided again while the socket is open: when the session
 * ends or the person's access changes, the server closes the socket with `sessionEnded`,
 * `accessWithdrawn` or `accessChanged`, within seconds.
 */

export const PROTOCOL_VERSION = 1;

/** y-websocket message tags (y-websocket/src/y-websocket.js). */
export const MessageTag = {
	sync: 0,
	awareness: 1,
	auth: 2,
	queryAwareness: 3
} as const;

/** y-protocols/sync message types inside a `MessageTag.sync` frame. */
export const SyncType = {
	step1: 0,
	step2: 1,
	update: 2
} as const;

/** y-protocols/auth message type inside a `MessageTag.auth` frame. */
export const AuthType = {
	permissionDenied: 0
} as const;

/** The reason string of the auth message that tells a client it may read but not write. */
export const READ_ONLY_REASON = 'read-only';

export const CloseCode = {
	/** The server is shutting down or restarting; the client reconnects (to another instance). */
	goingAway: 1001,
	/** A text frame: the protocol is binary only. */
	unsupportedData: 1003,
	/** A frame that does not decode as the y-websocket protocol. */
	invalidPayload: 1007,
	/** Too many messages or bytes per second from this connection. */
	rateLimited: 1008,
	/** A frame larger than the server's cap (sent by the `ws` library itself). */
	tooLarge: 1009,
	/** The document could not be loaded (database unavailable); the client retries later. */
	internalError: 1011,
	/**
	 * The person's access to the document changed but remains (a commissioner made a viewer): the client
	 * reconnects and is given its new access at the upgrade.
	 */
	accessChanged: 4000,
	/** The sign-in session ended (signed out, password changed, expired, account disabled). Final. */
	sessionEnded: 4401,
	/** The person may no longer read the document (role removed). Final. */
	accessWithdrawn: 4403,
	/** The update would make the document larger than the server's cap; it was not applied. Final. */
	documentTooLarge: 4413,
	/**
	 * The update to a plan wrote a field (a comment, an action plan cell, any plain value) longer than the
	 * plan's limits (server/collab/plan-value-limits.ts); it was not applied. Final.
	 */
	fieldTooLong: 4422
} as const;

/** The path prefix of collaboration sockets: `ws(s)://host/collab/<docName>`. */
export const COLLAB_PATH = '/collab/';
