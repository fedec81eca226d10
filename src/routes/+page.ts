import { error } from '@sveltejs/kit';
import type { RccListing } from '$lib/domain/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
	const { user } = await parent();
	// Map data is for signed-in people only (DESIGN.md "Privacy and access"): anonymous visitors get the intro.
	if (!user) return { rccs: null };
	const response = await fetch('/api/rccs');
	if (response.status === 401) return { rccs: null };
	if (!response.ok) error(502, 'The list of regions could not be loaded.');
	const rccs: RccListing[] = await response.json();
	return { rccs };
};
