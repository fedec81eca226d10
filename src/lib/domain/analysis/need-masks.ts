/**
 * Needs as bit masks: every need string gets a bit, so "the child's needs are a subset of what the
 * provider is registered and staffed for" is one AND per 32 needs instead of a set lookup per need.
 */
export interface NeedMasks {
	readonly words: number;
	readonly bits: ReadonlyMap<string, number>;
	/** Writes the mask of `needs` into `target` at `offset`; needs outside the vocabulary are ignored
	 * (no child has them, so they cannot change suitability). */
	write(needs: readonly string[], target: Uint32Array, offset: number): void;
}

export function createNeedMasks(vocabulary: Iterable<string>): NeedMasks {
	const bits = new Map<string, number>();
	for (const need of vocabulary) if (!bits.has(need)) bits.set(need, bits.size);
	const words = Math.max(1, Math.ceil(bits.size / 32));
	return {
		words,
		bits,
		write(needs, target, offset) {
			for (let w = 0; w < words; w++) target[offset + w] = 0;
			for (const need of needs) {
				const bit = bits.get(need);
				if (bit !== undefined) target[offset + (bit >>> 5)] |= 1 << (bit & 31);
			}
		}
	};
}

/** True when every bit of `need` at `needOffset` is set in `offer` at `offerOffset`. */
export function needsMet(
	need: Uint32Array,
	needOffset: number,
	offer: Uint32Array,
	offerOffset: number,
	words: number
): boolean {
	for (let w = 0; w < words; w++) if ((need[needOffset + w] & ~offer[offerOffset + w]) !== 0) return false;
	return true;
}
