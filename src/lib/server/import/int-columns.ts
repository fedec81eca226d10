/**
 * Growable columns of 32-bit integers: what a streamed file must remember per row (16 bytes a row for
 * four columns, against ~100 for an object), so a million rows stay a few megabytes.
 */
export class IntColumns<Name extends string> {
	private data: Record<Name, Int32Array>;
	private capacity = 1024;
	length = 0;

	constructor(private readonly names: readonly Name[]) {
		this.data = Object.fromEntries(names.map((name) => [name, new Int32Array(this.capacity)])) as Record<
			Name,
			Int32Array
		>;
	}

	push(values: Record<Name, number>): number {
		if (this.length === this.capacity) {
			this.capacity *= 2;
			for (const name of this.names) {
				const grown = new Int32Array(this.capacity);
				grown.set(this.data[name]);
				this.data[name] = grown;
			}
		}
		for (const name of this.names) this.data[name][this.length] = values[name];
		return this.length++;
	}

	get(name: Name, index: number): number {
		return this.data[name][index];
	}
}
