import { describe, expect, it } from 'vitest';
import { readMapPresence, readMapPresences, readView } from './presence-state';

const good = {
	user: { id: 7, name: 'Asha Patel', laCode: 'E10000016', colour: '#0072B2', admin: false },
	map: {
		cursor: [0.5, 51.2],
		view: { center: [0.5, 51.2], zoom: 9, bearing: 0, pitch: 0, corners: null, sceneId: null },
		following: 12,
		presenting: false
	},
	handOff: null
};

describe('readMapPresence', () => {
	it('reads a well-formed state', () => {
		expect(readMapPresence(3, good)).toEqual({ clientId: 3, ...good });
	});

	it('ignores what is not presence: null, a plan caret without a name, garbage', () => {
		expect(readMapPresence(1, null)).toBeNull();
		expect(readMapPresence(1, 'hello')).toBeNull();
		expect(readMapPresence(1, { user: { name: '' } })).toBeNull();
		expect(readMapPresence(1, { user: { name: 42 } })).toBeNull();
		expect(readMapPresence(1, [good])).toBeNull();
	});

	it('turns malformed fields into their empty values instead of trusting them', () => {
		const read = readMapPresence(3, {
			user: {
				name: ` ${'x'.repeat(500)} `,
				laCode: '<script>',
				colour: 'red; background: url(x)',
				admin: 'yes'
			},
			map: {
				cursor: [999, 51],
				view: { center: [0, 51], zoom: 'far' },
				following: 3,
				presenting: 'true'
			},
			handOff: { to: { id: 1 } }
		});
		expect(read).toMatchObject({
			user: { id: null, laCode: null, colour: '#505a5f', admin: false },
			map: { cursor: null, view: null, following: null, presenting: false },
			handOff: null
		});
		expect(read?.user.name).toHaveLength(80);
	});

	it('keeps a view whole or not at all, normalising bearing and pitch', () => {
		expect(readView({ center: [0, 51], zoom: 30 })).toBeNull();
		expect(readView({ center: [0, 91], zoom: 3 })).toBeNull();
		expect(
			readView({
				center: [0, 51],
				zoom: 7,
				bearing: -90,
				pitch: 200,
				corners: [
					[0, 51],
					[1, 51],
					[1, 50]
				],
				sceneId: 'x'.repeat(65)
			})
		).toEqual({ center: [0, 51], zoom: 7, bearing: 270, pitch: 85, corners: null, sceneId: null });
		const corners = [
			[0, 52],
			[1, 52],
			[1, 51],
			[0, 51]
		];
		expect(readView({ center: [0.5, 51.5], zoom: 7, corners, sceneId: 's1' })).toMatchObject({
			corners,
			sceneId: 's1'
		});
	});

	it('reads every readable state of a room, skipping the rest', () => {
		const states = new Map<number, unknown>([
			[1, good],
			[2, { cursor: { x: 1 } }],
			[3, { ...good, map: 'nope' }]
		]);
		const read = readMapPresences(states);
		expect([...read.keys()]).toEqual([1, 3]);
		expect(read.get(3)?.map).toEqual({ cursor: null, view: null, following: null, presenting: false });
	});
});
