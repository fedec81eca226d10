import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createPresence, presenceColour, PRESENCE_COLOURS } from './presence';

/** Fake clock and timers: presence is driven through them, deterministically. */
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
	const sent: unknown[] = [];
	awareness.on('update', () => sent.push(awareness.getLocalState()));
	const time = clock();
	const presence = createPresence(awareness, {
		user: { name: 'Asha', la: 'E08000003', color: '#0072B2' },
		...time
	});
	sent.length = 0; // the initial state
	return { awareness, presence, sent, time };
}

describe('createPresence', () => {
	it('sends cursor moves at most five times a second, the latest one last', () => {
		const { presence, sent, time } = setup();
		for (let i = 0; i < 60; i++) {
			presence.setCursor({ lon: -2 + i / 100, lat: 53.4 });
			time.advance(1000 / 60);
		}
		time.advance(200);
		expect(sent.length).toBeGreaterThanOrEqual(5);
		expect(sent.length).toBeLessThanOrEqual(6); // one second, plus the trailing send
		expect((sent.at(-1) as { cursor: { lon: number } }).cursor.lon).toBeCloseTo(-2 + 59 / 100);
	});

	it('sends nothing when nothing changed', () => {
		const { presence, sent, time } = setup();
		presence.setViewport({ center: [-2.2, 53.5], zoom: 9, bearing: 0, pitch: 0 });
		time.advance(500);
		expect(sent).toHaveLength(1);
		for (let i = 0; i < 10; i++) {
			presence.setViewport({ center: [-2.2, 53.5], zoom: 9, bearing: 0, pitch: 0 });
			time.advance(300);
		}
		expect(sent).toHaveLength(1);
	});

	it('keeps the user and lists the others', () => {
		const { awareness, presence, time } = setup();
		presence.setCursor({ lon: 1, lat: 2 });
		time.advance(0);
		expect(awareness.getLocalState()).toEqual({
			user: { name: 'Asha', la: 'E08000003', color: '#0072B2' },
			cursor: { lon: 1, lat: 2 },
			viewport: null
		});
		awareness.states.set(42, {
			user: { name: 'Ben', la: null, color: '#D55E00' },
			cursor: null,
			viewport: null
		});
		awareness.states.set(43, { something: 'else' });
		expect([...presence.others().keys()]).toEqual([42]);
		presence.destroy();
		expect(awareness.getLocalState()).toBeNull();
	});

	it('gives each person a stable colour from the palette', () => {
		expect(presenceColour(7)).toBe(presenceColour('7'));
		expect(PRESENCE_COLOURS).toContain(presenceColour('someone@demo.local'));
	});
});
