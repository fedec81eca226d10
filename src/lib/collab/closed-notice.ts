import { MAX_COMMENT_LENGTH } from '../plan/plan-limits';
import { CloseCode } from './protocol';

/** What to tell the person when the server closed their document for good (connect.ts `end`). */
export interface ClosedNotice {
	title: string;
	body: string;
	/** Whether to offer signing in again (the session ended). */
	signIn: boolean;
}

export function closedNotice(code: number | null, reason: string | null): ClosedNotice {
	switch (code) {
		case CloseCode.sessionEnded:
			return {
				title: 'You have been signed out',
				body: 'Your session ended (you signed out, changed your password, or it expired), so this page stopped receiving and saving changes. Sign in again to carry on.',
				signIn: true
			};
		case CloseCode.accessWithdrawn:
			return {
				title: 'You no longer have access to this document',
				body: 'Your role in this RCC was changed or removed, so this page stopped receiving and saving changes. Ask an administrator of the RCC if you need access.',
				signIn: false
			};
		case CloseCode.documentTooLarge:
			return {
				title: 'Your latest changes were not saved',
				body: 'They would have made this document larger than the server accepts. Reload the page to carry on from the saved version, and make room by removing content you no longer need.',
				signIn: false
			};
		case CloseCode.fieldTooLong:
			return {
				title: 'Your latest changes were not saved',
				body: `They held a comment or an action plan entry longer than the server accepts (${MAX_COMMENT_LENGTH.toLocaleString('en-GB')} characters). Reload the page to carry on from the saved version.`,
				signIn: false
			};
		default:
			return {
				title: 'This page is no longer connected',
				body: `The server closed the connection (${reason || `code ${code ?? 'unknown'}`}). Reload the page to reconnect.`,
				signIn: false
			};
	}
}
