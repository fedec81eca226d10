import { connect, type CollabConnection } from '../collab/connect';
import { CollabConnectionState } from '../collab/connection-state.svelte';
import { formatDocName } from '../collab/doc-name';
import { readScenes, type Scene } from './scenes-step';
import { sceneEntries, scenesArray } from './scenes-write';
import { WorkshopPresence, type WorkshopPresenceOptions } from './workshop-presence.svelte';

/**
 * The workshop map of one RCC in the browser: the `map:<rccId>` document and its awareness, the scenes
 * it holds (read through readScenes: a hostile client's entries are left out), and presence.
 */
export class WorkshopSession {
	readonly connection: CollabConnection;
	readonly state: CollabConnectionState;
	readonly presence: WorkshopPresence;
	scenes = $state.raw<Scene[]>([]);

	constructor(rccId: string, options: Omit<WorkshopPresenceOptions, 'scenes'>) {
		this.connection = connect({ docName: formatDocName({ kind: 'map', rccId }) });
		this.state = new CollabConnectionState(this.connection);
		const array = scenesArray(this.connection.doc);
		const read = () => (this.scenes = readScenes(sceneEntries(this.connection.doc)));
		array.observe(read);
		read();
		this.presence = new WorkshopPresence(this.connection.provider.awareness, {
			...options,
			scenes: () => this.scenes
		});
	}

	get doc() {
		return this.connection.doc;
	}

	destroy(): void {
		this.presence.destroy();
		this.state.destroy();
		this.connection.destroy();
	}
}
