import { describe, expect, it } from 'vitest';
import { personLabel, presenceAnnouncements } from './presence-announcements';
import { byClient, presenceOf } from './test-presences';

const laNames = new Map([['E10000016', 'Kent']]);
const options = { me: 1, laNames, sceneName: (id: string) => (id === 's1' ? 'The coast' : null) };
const kent = presenceOf(2, { name: 'Asha Patel', laCode: 'E10000016' });
const admin = presenceOf(3, { name: 'Ada Admin', admin: true });

describe('presenceAnnouncements', () => {
	it('names people with their LA as they join and leave, never oneself', () => {
		expect(personLabel(kent.user, laNames)).toBe('Asha Patel (Kent)');
		expect(presenceAnnouncements(byClient(), byClient(presenceOf(1), kent), options)).toEqual([
			'Asha Patel (Kent) joined the map.'
		]);
		expect(presenceAnnouncements(byClient(kent, admin), byClient(admin), options)).toEqual([
			'Asha Patel (Kent) left the map.'
		]);
	});

	it('says when a facilitator starts and stops presenting and which scene they show; not cursor moves', () => {
		const presenting = { ...admin, map: { ...admin.map, presenting: true } };
		expect(presenceAnnouncements(byClient(admin), byClient(presenting), options)).toEqual([
			'Ada Admin started presenting.'
		]);
		const inScene = {
			...presenting,
			map: { ...presenting.map, view: { ...presenting.map.view!, sceneId: 's1' } }
		};
		expect(presenceAnnouncements(byClient(presenting), byClient(inScene), options)).toEqual([
			'Scene: The coast.'
		]);
		const moved = { ...inScene, map: { ...inScene.map, cursor: [1, 51] as [number, number] } };
		expect(presenceAnnouncements(byClient(inScene), byClient(moved), options)).toEqual([]);
		expect(presenceAnnouncements(byClient(moved), byClient(admin), options)).toEqual([
			'Ada Admin stopped presenting.'
		]);
	});

	it('does not announce a claim to present by someone who may not', () => {
		const claimant = { ...kent, map: { ...kent.map, presenting: true } };
		expect(presenceAnnouncements(byClient(kent), byClient(claimant), options)).toEqual([]);
	});
});
