import { error, redirect } from '@sveltejs/kit';
import { parseFocusParam } from '$lib/domain/focus-param';
import type { RccSummary } from '$lib/domain/types';
import type { LaDataSource } from '$lib/domain/data-source';
import type { PageLoad } from './$types';

// With the query: a link to a feature (?focus=) still focuses it once the reader has signed in.
const signIn = (url: URL) => `/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`;

/** The summary decides whether the RCC exists; the map's GeoJSON is fetched by the page in the browser. */
export const load: PageLoad = async ({ fetch, params, parent, url }) => {
	const { user } = await parent();
	if (!user) redirect(303, signIn(url));
	const response = await fetch(`/api/rccs/${params.id}/summary`);
	if (response.status === 401) redirect(303, signIn(url));
	if (response.status === 404) error(404, `There is no region called "${params.id}" that you can see.`);
	if (!response.ok) error(response.status >= 500 ? 502 : response.status, 'The region could not be loaded.');
	const summary: RccSummary = await response.json();
	// Which LAs' figures come from imported data: a banner, so a failure here hides only the banner.
	const sources = await fetch(`/api/rccs/${params.id}/data-sources.json`)
		.then((r) => (r.ok ? (r.json() as Promise<LaDataSource[]>) : null))
		.catch(() => null);
	// What a link from the plan asks the map to show (?focus=gap:<cell>, la:<code>, home:<urn>).
	return { summary, sources, focus: parseFocusParam(url.searchParams.get('focus')) };
};
