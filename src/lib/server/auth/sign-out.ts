import type { RequestEvent } from '@sveltejs/kit';
import * as audit from '../audit';
import { clientOf } from './client';
import { clearSessionCookie } from './cookie';
import { sessionsChanged } from './session-events';
import { deleteSession, SESSION_COOKIE } from './sessions';

/** Ends the request's session (if any) and removes the cookie. */
export async function signOut(event: RequestEvent): Promise<void> {
	const token = event.cookies.get(SESSION_COOKIE);
	const { sql } = event.locals.runtime.db;
	if (token) await deleteSession(sql, token);
	clearSessionCookie(event.cookies, event.url);
	if (event.locals.user) {
		sessionsChanged(event.locals.user.id);
		await audit.record(sql, {
			action: 'sign_out',
			actor: event.locals.user,
			address: clientOf(event).address
		});
	}
	event.locals.user = null;
}
