import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { presenceColour } from '../../src/lib/collab/presence';

/** Who a connection belongs to, as the session says: written over what the client claims. */
export interface PresenceIdentity {
	id: number | string;
	name: string;
	/** ONS code of the person's LA, if any. */
	la: string | null;
	/** Its name, if known: readers show it for someone without an LA code, so it is stamped too. */
	laName: string | null;
}

/**
 * Rules of the workshop map (`map:<rccId>`; src/lib/workshop/presence-state.ts): whether the person
 * administers its RCC (stamped as `user.admin`; only then is a `handOff` kept) and whether they may
 * present (bring everyone to their view; `map.presenting` is cleared otherwise).
 */
export interface MapStampRules {
	admin: boolean;
	mayPresent: () => boolean;
}

export interface StampedAwareness {
	update: Uint8Array;
	/** The awareness client ids the update speaks for (those the connection may control). */
	clients: number[];
}

/**
 * Rewrites an awareness update received from a client so that it cannot speak for someone else: entries
 * for client ids it may not claim (another connection's; `leaving` when the entry removes the state) are
 * dropped, and every state's `user` carries the signed-in person's id, name, LA (as `la` for the plan's
 * carets and `laCode` for the map) and LA name whatever the client wrote, none for someone without an
 * LA, and `colour`, one per LA (or person) so that nobody can take another's (the carets' `color` and
 * other fields are kept). With `map` rules, the map's facilitation fields are checked too.
 * Throws on an update that does not decode (the caller closes the connection).
 *
 * `foreign`, when given, names ids dropped before their state is even decoded: the stock y-websocket
 * client sends every change it receives back to the server, so most entries a room reads are echoes of
 * other people's presence, and skipping their bytes costs next to nothing (an echo's state is never read,
 * so a malformed one is not noticed: it is dropped all the same).
 *
 * Awareness update format (y-protocols/awareness.js): varUint count, then per entry varUint clientID,
 * varUint clock, varString JSON state (`null` when the client left).
 */
export function stampAwareness(
	update: Uint8Array,
	identity: PresenceIdentity,
	mayClaim: (clientId: number, leaving: boolean) => boolean,
	map?: MapStampRules,
	foreign?: (clientId: number) => boolean
): StampedAwareness {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries: { clientId: number; clock: number; state: string }[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		if (foreign?.(clientId)) {
			decoding.readVarUint8Array(decoder); // the state's bytes, skipped undecoded
			continue;
		}
		const json = decoding.readVarString(decoder);
		const state: unknown = JSON.parse(json);
		if (!mayClaim(clientId, state === null)) continue;
		entries.push({ clientId, clock, state: JSON.stringify(stamp(state, identity, map)) });
	}
	if (decoding.hasContent(decoder)) throw new Error('Trailing bytes after the awareness update');
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, entry.state);
	}
	return { update: encoding.toUint8Array(encoder), clients: entries.map((entry) => entry.clientId) };
}

function stamp(state: unknown, identity: PresenceIdentity, map: MapStampRules | undefined): unknown {
	if (state === null) return null;
	if (typeof state !== 'object' || Array.isArray(state))
		throw new Error('An awareness state must be an object');
	const record = state as Record<string, unknown>;
	const user = record.user;
	const claimed = typeof user === 'object' && user !== null && !Array.isArray(user) ? user : {};
	const stamped: Record<string, unknown> = {
		...record,
		user: {
			...claimed,
			id: identity.id,
			name: identity.name,
			la: identity.la,
			laCode: identity.la,
			laName: identity.laName,
			colour: presenceColour(identity.la ?? identity.id),
			...(map ? { admin: map.admin } : {})
		}
	};
	if (!map) return stamped;
	if (!map.admin && 'handOff' in record) stamped.handOff = null;
	const fields = record.map;
	if (typeof fields === 'object' && fields !== null && !Array.isArray(fields)) {
		// Readers take only `true` as presenting (presence-state.ts).
		const claimsToPresent = (fields as Record<string, unknown>).presenting === true;
		if (claimsToPresent && !map.mayPresent()) stamped.map = { ...fields, presenting: false };
	}
	return stamped;
}
