import { describe, expect, it } from 'vitest';
import { follow, followTarget, notFollowing } from './follow-target';
import { byClient, presenceOf } from './test-presences';

const ME = 1;
const admin = presenceOf(5, { admin: true }, { presenting: true });
const other = presenceOf(7);

describe('followTarget', () => {
	it('follows nobody by default, and the presenter once someone presents', () => {
		expect(followTarget(ME, notFollowing, byClient(presenceOf(ME), other))).toBeNull();
		expect(followTarget(ME, notFollowing, byClient(presenceOf(ME), admin, other))?.clientId).toBe(5);
	});

	it('follows the person chosen, over the presenter, while they are here with a view', () => {
		const state = follow(notFollowing, { kind: 'follow', clientId: 7 });
		expect(followTarget(ME, state, byClient(admin, other))?.clientId).toBe(7);
		const noView = presenceOf(7, {}, { view: null });
		expect(followTarget(ME, state, byClient(admin, noView))?.clientId).toBe(5);
		expect(followTarget(ME, state, byClient(admin))?.clientId).toBe(5);
	});

	it('never follows oneself, even as the presenter', () => {
		expect(followTarget(5, notFollowing, byClient(admin))).toBeNull();
		expect(
			followTarget(5, follow(notFollowing, { kind: 'follow', clientId: 5 }), byClient(admin))
		).toBeNull();
	});

	it('stops at a pan (wandering off from the presenter too) until snapping back', () => {
		const people = byClient(admin, other);
		const following = follow(notFollowing, { kind: 'follow', clientId: 7 });
		const wandered = follow(following, { kind: 'wander', presenter: 5 });
		expect(wandered).toEqual({ following: null, wanderedFrom: 5 });
		expect(followTarget(ME, wandered, people)).toBeNull();
		expect(followTarget(ME, follow(wandered, { kind: 'snap-back' }), people)?.clientId).toBe(5);
	});

	it('follows a new presenter even after wandering off from an earlier one', () => {
		const wandered = follow(notFollowing, { kind: 'wander', presenter: 5 });
		const second = presenceOf(6, { admin: true }, { presenting: true });
		expect(followTarget(ME, wandered, byClient(second))?.clientId).toBe(6);
	});

	it('keeps the same state object when nothing changes, so nothing reruns', () => {
		expect(follow(notFollowing, { kind: 'wander', presenter: null })).toBe(notFollowing);
		expect(follow(notFollowing, { kind: 'snap-back' })).toBe(notFollowing);
	});
});
