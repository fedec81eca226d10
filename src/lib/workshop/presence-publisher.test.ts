import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createMapPresence } from './presence-publisher';

/** Fake clock and timers: the throttle is driven through them, deterministically. */
function clock() {
	let time = 0;
	const timers: { at: number; run: () => void }[] = [];
	return {
		now: () => time,
		setTimer: (run: () => void, ms: number) => {
			const timer = { at: time + ms, run };
			timers.push(timer);
			return timer;
		},
		clearTimer: (timer: unknown) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
		advance(ms: number) {
			time += ms;
			for (const timer of timers.filter((t) => t.at <= time)) {
				timers.splice(timers.indexOf(timer), 1);
				timer.run();
			}
		}
	};
}

function setup() {
	const awareness = new Awareness(new Y.Doc());
	const sent: Record<string, unknown>[] = [];
	awareness.on('update', () => sent.push(awareness.getLocalState() as Record<string, unknown>));
	const time = clock();
	const presence = createMapPresence(awareness, {
		user: { name: 'Asha', laCode: 'E10000016', colour: '#0072B2' },
		...time
	});
	sent.length = 0;
	return { awareness, presence, sent, time };
}

describe('createMapPresence', () => {
	it('publishes the documented shape', () => {
		const { awareness } = setup();
		expect(awareness.getLocalState()).toEqual({
			user: { name: 'Asha', laCode: 'E10000016', colour: '#0072B2' },
			map: { cursor: null, view: null, following: null, presenting: false },
			handOff: null
		});
	});

	it('sends at most 5 messages a second, the latest values last', () => {
		const { presence, sent, time } = setup();
		for (let i = 0; i < 60; i++) {
			presence.setCursor([i / 100, 51]);
			if (i === 30) presence.setFollowing(42);
			time.advance(1000 / 60);
		}
		time.advance(200);
		expect(sent.length).toBeLessThanOrEqual(6);
		expect(sent.length).toBeGreaterThanOrEqual(5);
		expect(sent.at(-1)?.map).toMatchObject({ cursor: [0.59, 51], following: 42 });
	});

	it('sends nothing when nothing changed', () => {
		const { presence, sent, time } = setup();
		presence.setCursor([0, 51]);
		time.advance(300);
		presence.setCursor([0, 51]);
		presence.setPresenting(false);
		time.advance(300);
		expect(sent).toHaveLength(1);
	});

	it('hands facilitation on and takes it back', () => {
		const { awareness, presence, time } = setup();
		presence.setHandOff(7);
		time.advance(300);
		expect(awareness.getLocalState()?.handOff).toEqual({ to: 7 });
		presence.setHandOff(null);
		time.advance(300);
		expect(awareness.getLocalState()?.handOff).toBeNull();
	});

	it('reads everyone and leaves on destroy', () => {
		const { awareness, presence } = setup();
		expect([...presence.everyone().keys()]).toEqual([awareness.clientID]);
		presence.destroy();
		expect(awareness.getLocalState()).toBeNull();
	});
});
