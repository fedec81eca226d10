/**
 * A seeded pseudo-random generator (sfc32, seeded by the cyrb128 string hash): the cohort must come
 * out identical for the same seed on every machine, so nothing here touches Math.random.
 */
export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
	/** Whole number in [min, max], both included. */
	integer(min: number, max: number): number;
	/** True with the given probability. */
	chance(probability: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** An index drawn in proportion to non-negative weights; -1 when they sum to zero. */
	weightedIndex(weights: ArrayLike<number>): number;
	/** Standard normal (Box-Muller). */
	normal(): number;
	shuffle<T>(items: T[]): T[];
	/** An independent generator for a named sub-stream, so that one part's draws do not shift another's. */
	fork(label: string): Random;
}

export function createRandom(seed: string): Random {
	return new Sfc32(seed);
}

/** A class rather than closures: one is made per child and per home, tens of thousands per seed. */
class Sfc32 implements Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(private readonly seed: string) {
		[this.a, this.b, this.c, this.d] = cyrb128(seed);
		// Discard the first outputs: sfc32 mixes poorly for a few rounds after seeding.
		for (let i = 0; i < 15; i++) this.next();
	}

	next(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	integer(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}

	weightedIndex(weights: ArrayLike<number>): number {
		let total = 0;
		for (let i = 0; i < weights.length; i++) total += weights[i];
		if (!(total > 0)) return -1;
		let target = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			target -= weights[i];
			if (target < 0 && weights[i] > 0) return i;
		}
		for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
		return -1;
	}

	normal(): number {
		const u = 1 - this.next();
		const v = this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j], items[i]];
		}
		return items;
	}

	fork(label: string): Random {
		return new Sfc32(`${this.seed}/${label}`);
	}
}

/** cyrb128: a fast 128-bit string hash, used only to seed the generator. */
function cyrb128(text: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
