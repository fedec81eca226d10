import type { ParamMatcher } from '@sveltejs/kit';

/** RCC ids are short lower-case slugs (`gm`, `se`, `england`); anything else is not a route at all. */
export const match: ParamMatcher = (param) => /^[a-z0-9-]{1,40}$/.test(param);
