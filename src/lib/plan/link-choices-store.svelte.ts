import { readJson } from '../read-json';
import {
	linkChoices,
	type GapChoiceInput,
	type HomeChoiceInput,
	type LaArea,
	type LinkChoiceGroups
} from './link-choices';

type Fetch = typeof fetch;

const json = <T>(fetcher: Fetch, url: string): Promise<T> =>
	fetcher(url).then((response) => readJson<T>(response));

/**
 * What an action of one RCC's plan can be linked to: its ranked gaps, member LAs and children's homes,
 * read from the map's own API (suppressed for this reader by the server) the first time someone links.
 * A part that fails to load is left out and said so; the others are still offered.
 */
export class LinkChoicesStore {
	groups = $state.raw<LinkChoiceGroups | null>(null);
	loading = $state(false);
	problems = $state.raw<string[]>([]);
	#fetch: Fetch;
	#rccId: string;
	#las: readonly { code: string; name: string }[];

	constructor(rccId: string, las: readonly { code: string; name: string }[], fetcher: Fetch = fetch) {
		this.#rccId = rccId;
		this.#las = las;
		this.#fetch = fetcher;
	}

	/** Loads once; call again after a failure to retry. */
	async load(): Promise<void> {
		if (this.loading || (this.groups && this.problems.length === 0)) return;
		this.loading = true;
		const base = `/api/rccs/${encodeURIComponent(this.#rccId)}`;
		const [gaps, areas, homes] = await Promise.allSettled([
			json<{ cells: GapChoiceInput[] }>(this.#fetch, `${base}/gaps.json`),
			json<{ features: LaArea[] }>(this.#fetch, `${base}/boundaries.geojson`),
			json<{ features: { properties: HomeChoiceInput }[] }>(this.#fetch, `${base}/homes.geojson`)
		]);
		const problems: string[] = [];
		const value = <T>(result: PromiseSettledResult<T>, what: string): T | null => {
			if (result.status === 'fulfilled') return result.value;
			problems.push(
				`${what} could not be loaded: ${result.reason instanceof Error ? result.reason.message : result.reason}`
			);
			return null;
		};
		this.groups = linkChoices({
			gaps: value(gaps, 'The gaps')?.cells ?? [],
			areas: value(areas, 'The LA boundaries (for where each gap is)')?.features ?? [],
			las: this.#las,
			homes: value(homes, "The children's homes")?.features.map((feature) => feature.properties) ?? []
		});
		this.problems = problems;
		this.loading = false;
	}
}
