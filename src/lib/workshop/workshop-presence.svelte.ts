import type { Awareness } from 'y-protocols/awareness';
import type { MapCamera } from '../map/map-camera';
import type { DrawnPerson, PresenceOverlay } from '../map/presence-overlay';
import { facilitatorIds, presenter } from './facilitators';
import { follow, followTarget, notFollowing, type FollowState } from './follow-target';
import { personLabels, presenceAnnouncements } from './presence-announcements';
import { createMapPresence, type MapPresencePublisher } from './presence-publisher';
import { noPresences, readMapPresences, type MapPresenceView } from './presence-state';
import type { Scene } from './schema';
import { stepScene } from './scenes-step';

export interface WorkshopPresenceOptions {
	/** The signed-in person (the server stamps the same over what this browser publishes). */
	me: { id: number | string; name: string; laCode: string | null; colour: string; admin: boolean };
	laNames: ReadonlyMap<string, string>;
	/** The scenes of the map document, as they are now. */
	scenes: () => readonly Scene[];
	/** Shows a scene's layers (and filters): the camera is moved here. */
	onScene: (scene: Scene) => void;
	/** Options of the publisher's throttle, for tests. */
	intervalMs?: number;
}

/** A person in "who is here". */
export interface HerePerson {
	clientId: number;
	userId: number | string | null;
	label: string;
	colour: string;
	me: boolean;
	facilitator: boolean;
	presenting: boolean;
	/** Whom they follow, by label. */
	following: string | null;
}

/**
 * Presence on the workshop map, as runes for the page: everyone here, whose view this map shows
 * (follow-target.ts), what to draw for the others, and what to announce. The page attaches the
 * map's camera and the presence overlay once the map exists.
 */
export class WorkshopPresence {
	/** Replaced whole on every change (raw: read often, five times a second per person). */
	everyone = $state.raw(noPresences());
	followState = $state.raw<FollowState>(notFollowing);
	/** The scene this map shows, when it was stepped to (here or by the person followed). */
	sceneId = $state<string | null>(null);
	/** Polite announcements, newest last (a live region reads what is added). */
	announcement = $state('');

	readonly #awareness: Awareness;
	readonly #publisher: MapPresencePublisher;
	readonly #options: WorkshopPresenceOptions;
	#camera: MapCamera | null = null;
	#overlay: PresenceOverlay | null = null;
	#detach: (() => void)[] = [];
	#appliedView = '';
	#appliedScene: string | null = null;

	readonly me: number;
	target = $derived(followTarget(this.#clientId(), this.followState, this.everyone));
	facilitators = $derived(facilitatorIds(this.everyone.values()));
	presenter = $derived(presenter(this.everyone.values()));
	isFacilitator = $derived(this.facilitators.has(this.#meId()));
	presenting = $derived(this.everyone.get(this.#clientId())?.map.presenting ?? false);
	/** Set by an administrator: whom they handed facilitation to. */
	handedTo = $derived(this.everyone.get(this.#clientId())?.handOff?.to ?? null);
	/** Wandered off from a presenter who still presents: offered a way back. */
	canSnapBack = $derived(
		this.presenter !== null &&
			this.presenter.clientId !== this.#clientId() &&
			this.followState.wanderedFrom === this.presenter.clientId &&
			this.target === null
	);
	people: HerePerson[] = $derived.by(() => {
		const labels = personLabels(this.everyone.values(), this.#options.laNames);
		return [...this.everyone.values()]
			.map((presence) => ({
				clientId: presence.clientId,
				userId: presence.user.id,
				label: labels.get(presence.clientId) ?? presence.user.name,
				colour: presence.user.colour,
				me: presence.clientId === this.me,
				facilitator: presence.user.id !== null && this.facilitators.has(presence.user.id),
				presenting: presence.map.presenting && presence.clientId === this.presenter?.clientId,
				following: presence.map.following === null ? null : (labels.get(presence.map.following) ?? null)
			}))
			.sort((a, b) => Number(b.me) - Number(a.me) || a.label.localeCompare(b.label));
	});

	constructor(awareness: Awareness, options: WorkshopPresenceOptions) {
		this.#awareness = awareness;
		this.#options = options;
		this.me = awareness.clientID;
		this.#publisher = createMapPresence(awareness, {
			user: { name: options.me.name, laCode: options.me.laCode, colour: options.me.colour },
			intervalMs: options.intervalMs
		});
		const onChange = () => this.#read();
		awareness.on('change', onChange);
		this.#detach.push(() => awareness.off('change', onChange));
		this.#read();
	}

	#clientId(): number {
		return this.#awareness.clientID;
	}

	#meId(): number | string {
		return this.#options.me.id;
	}

	attach(camera: MapCamera, overlay: PresenceOverlay): void {
		this.#camera = camera;
		this.#overlay = overlay;
		this.#detach.push(
			camera.onMove((byPerson) => {
				if (byPerson) this.#wander();
				this.#publishView();
			}),
			camera.onPointer((position) => this.#publisher.setCursor(position))
		);
		this.#publishView();
		this.#draw();
		this.#follow();
	}

	followPerson(clientId: number): void {
		this.followState = follow(this.followState, { kind: 'follow', clientId });
		this.#follow();
	}

	stopFollowing(): void {
		this.#wander();
		this.#publisher.setFollowing(null);
	}

	snapBack(): void {
		this.followState = follow(this.followState, { kind: 'snap-back' });
		this.#appliedView = '';
		this.#follow();
	}

	/** Brings everyone to this person's view (a facilitator; the server refuses anyone else). */
	bringEveryone(): void {
		this.followState = notFollowing;
		this.#publisher.setPresenting(true);
	}

	stopPresenting(): void {
		this.#publisher.setPresenting(false);
	}

	/** An administrator hands facilitation to someone (their user id), or takes it back (null). */
	handOff(to: number | string | null): void {
		if (to !== null) this.#publisher.setPresenting(false);
		this.#publisher.setHandOff(to);
	}

	/** Moves to the next (+1) or previous (-1) scene and shows it; followers see it too. */
	step(direction: 1 | -1): Scene | null {
		const scene = stepScene(this.#options.scenes(), this.sceneId, direction);
		if (scene) this.showScene(scene);
		return scene;
	}

	showScene(scene: Scene): void {
		this.#wander();
		this.sceneId = scene.id;
		this.#appliedScene = scene.id;
		this.#options.onScene(scene);
		this.#camera?.moveTo(scene.view);
		this.#publishView();
	}

	destroy(): void {
		for (const detach of this.#detach.splice(0)) detach();
		this.#publisher.destroy();
	}

	#read(): void {
		const before = this.everyone;
		const read = readMapPresences(this.#awareness.getStates());
		// This browser's own state is as it published it: the server stamps it for the others only.
		const own = read.get(this.me);
		if (own)
			read.set(this.me, { ...own, user: { ...own.user, id: this.#meId(), admin: this.#options.me.admin } });
		const was = presenter(before.values());
		const is = presenter(read.values());
		// Bringing everyone, again or for the first time: whatever one followed or wandered to.
		if (is && is.clientId !== was?.clientId) this.followState = notFollowing;
		this.everyone = read;
		const said = presenceAnnouncements(before, read, {
			me: this.me,
			laNames: this.#options.laNames,
			sceneName: (id) => this.#options.scenes().find((scene) => scene.id === id)?.name ?? null
		});
		if (said.length) this.announcement = said.join(' ');
		this.#draw();
		this.#follow();
	}

	/** Moves this map to the view of the person followed, and to their scene's layers. */
	#follow(): void {
		const target = this.target;
		this.#publisher.setFollowing(target?.clientId ?? null);
		if (!target?.map.view || !this.#camera) return;
		const view = target.map.view;
		const key = JSON.stringify([view.center, view.zoom, view.bearing, view.pitch]);
		if (key !== this.#appliedView) {
			this.#appliedView = key;
			this.#camera.moveTo(view);
		}
		if (view.sceneId !== this.#appliedScene) {
			this.#appliedScene = view.sceneId;
			this.sceneId = view.sceneId;
			const scene = this.#options.scenes().find((candidate) => candidate.id === view.sceneId);
			if (scene) this.#options.onScene(scene);
		}
	}

	#wander(): void {
		const target = this.target;
		if (target)
			this.followState = follow(this.followState, {
				kind: 'wander',
				presenter: this.presenter?.clientId ?? null
			});
		else if (this.followState.following !== null)
			this.followState = follow(this.followState, { kind: 'wander', presenter: null });
		this.#appliedView = '';
	}

	#publishView(): void {
		if (!this.#camera) return;
		const view: MapPresenceView = { ...this.#camera.view(), sceneId: this.sceneId };
		this.#publisher.setView(view);
	}

	#draw(): void {
		if (!this.#overlay) return;
		const drawn: DrawnPerson[] = [];
		for (const presence of this.everyone.values()) {
			if (presence.clientId === this.me) continue;
			const la = presence.user.laCode
				? (this.#options.laNames.get(presence.user.laCode) ?? presence.user.laCode)
				: null;
			drawn.push({
				clientId: presence.clientId,
				label: la ? `${presence.user.name} · ${la}` : presence.user.name,
				colour: presence.user.colour,
				cursor: presence.map.cursor,
				corners: presence.map.view?.corners ?? null
			});
		}
		this.#overlay.show(drawn);
	}
}
