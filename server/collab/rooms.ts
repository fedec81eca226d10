import type { Connection } from './connection';
import type { Fanout } from './fanout';
import type { Persistence } from './persistence';
import { Room } from './room';

export interface RoomsOptions {
	persistence: Persistence;
	fanout: Fanout | null;
	/** How long an empty room stays loaded (a reloading page comes back within it). */
	unloadDelayMs: number;
	awarenessFlushMs: number;
	compactEveryUpdates: number;
	maxAwarenessClients: number;
	maxDocumentBytes: number;
	log: (message: string) => void;
	/** Milliseconds, for measuring rooms' presence work (tests pass their own). */
	now?: () => number;
}

/**
 * The loaded rooms. Loading and unloading one document are serialised (a chain of promises per name): a
 * client arriving while the last one's room is being stored waits, then gets the room reloaded from
 * storage, never a half-unloaded one.
 */
export class Rooms {
	private readonly rooms = new Map<string, Room>();
	private readonly chains = new Map<string, Promise<unknown>>();
	private closing = false;

	constructor(private readonly options: RoomsOptions) {
		options.fanout?.onReconnect(() => {
			for (const room of this.rooms.values()) {
				room
					.catchUp()
					.catch((error: unknown) => options.log(`Catching up ${room.name} failed: ${String(error)}`));
			}
		});
	}

	get size(): number {
		return this.rooms.size;
	}

	get connectionCount(): number {
		let count = 0;
		for (const room of this.rooms.values()) count += room.connections.size;
		return count;
	}

	/** The loaded room, for reading its state (snapshots); undefined when no one has it open here. */
	loaded(name: string): Room | undefined {
		return this.rooms.get(name);
	}

	/** Adds the connection to the document's room, loading it first if needed. */
	join(name: string, connection: Connection): Promise<Room> {
		return this.serial(name, async () => {
			let room = this.rooms.get(name);
			if (!room) {
				room = new Room(name, {
					...this.options,
					onCompactDue: (due) => this.compactInBackground(due)
				});
				try {
					await room.load();
				} catch (error) {
					await this.options.fanout?.leave(name).catch(() => {});
					room.destroy();
					throw error;
				}
				this.rooms.set(name, room);
			}
			if (room.unloadTimer) clearTimeout(room.unloadTimer);
			room.unloadTimer = null;
			if (!connection.closed) room.add(connection);
			else this.scheduleUnload(room);
			return room;
		});
	}

	leave(room: Room, connection: Connection): void {
		room.remove(connection);
		this.scheduleUnload(room);
	}

	/** Stops unloading rooms (shutdown flushes storage instead) and waits for loads and unloads under way. */
	async close(): Promise<void> {
		this.closing = true;
		await Promise.allSettled([...this.chains.values()]);
		for (const room of this.rooms.values()) room.destroy();
		this.rooms.clear();
	}

	private scheduleUnload(room: Room): void {
		if (this.closing || room.connections.size > 0 || room.unloadTimer) return;
		room.unloadTimer = setTimeout(() => {
			room.unloadTimer = null;
			void this.serial(room.name, () => this.unload(room)).catch((error: unknown) =>
				this.options.log(`Unloading ${room.name} failed: ${String(error)}`)
			);
		}, this.options.unloadDelayMs);
	}

	private async unload(room: Room): Promise<void> {
		if (room.connections.size > 0 || this.rooms.get(room.name) !== room) return;
		this.rooms.delete(room.name);
		const { persistence, fanout } = this.options;
		try {
			await fanout?.leave(room.name);
			await room.compacting;
			await persistence.flush();
			// With the state in memory: it holds updates other instances fanned out but may not have stored
			// (one killed right after publishing), so the document loses nothing when its last room closes.
			await persistence.compact(room.name, room.encodeState());
		} finally {
			room.destroy();
		}
	}

	private compactInBackground(room: Room): void {
		if (room.compacting) return;
		room.compacting = this.options.persistence
			.compact(room.name)
			.catch((error: unknown) => this.options.log(`Compacting ${room.name} failed: ${String(error)}`))
			.finally(() => {
				room.compacting = null;
			});
	}

	private serial<T>(name: string, task: () => Promise<T>): Promise<T> {
		const previous = this.chains.get(name) ?? Promise.resolve();
		const next = previous.then(task, task);
		const settled = next.then(
			() => {},
			() => {}
		);
		this.chains.set(name, settled);
		void settled.then(() => {
			if (this.chains.get(name) === settled) this.chains.delete(name);
		});
		return next;
	}
}
