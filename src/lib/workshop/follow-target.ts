import { presenter } from './facilitators';
import type { MapPresence } from './presence-state';

/**
 * Whose view this browser's map shows. `following`: a person chosen in "who is here"; `wanderedFrom`:
 * the presenter this person panned away from (they stay where they went until they snap back or the
 * presenter brings everyone again).
 */
export interface FollowState {
	following: number | null;
	wanderedFrom: number | null;
}

export const notFollowing: FollowState = { following: null, wanderedFrom: null };

export type FollowAction =
	/** Follow this person (from the who-is-here list). */
	| { kind: 'follow'; clientId: number }
	/**
	 * This person moved their own map (or chose to stop following): whoever they followed, they follow
	 * no longer, the presenter (its client id, if someone presents) included.
	 */
	| { kind: 'wander'; presenter: number | null }
	/** Back to the presenter's view; also when a presenter (re)starts: everyone is brought to them. */
	| { kind: 'snap-back' };

export function follow(state: FollowState, action: FollowAction): FollowState {
	switch (action.kind) {
		case 'follow':
			return { following: action.clientId, wanderedFrom: null };
		case 'wander': {
			const wanderedFrom = action.presenter ?? state.wanderedFrom;
			if (state.following === null && state.wanderedFrom === wanderedFrom) return state;
			return { following: null, wanderedFrom };
		}
		case 'snap-back':
			return state.following === null && state.wanderedFrom === null ? state : notFollowing;
	}
}

/**
 * The person whose view to show: the one followed, while they are here with a view; otherwise the
 * presenter, unless this person wandered off from them; never oneself.
 */
export function followTarget(
	me: number,
	state: FollowState,
	presences: Map<number, MapPresence>
): MapPresence | null {
	if (state.following !== null && state.following !== me) {
		const followed = presences.get(state.following);
		if (followed?.map.view) return followed;
	}
	const presenting = presenter(presences.values());
	if (!presenting || presenting.clientId === me || !presenting.map.view) return null;
	if (state.wanderedFrom === presenting.clientId) return null;
	return presenting;
}
