import type { ParamMatcher } from '@sveltejs/kit';

/** Published version numbers: 1, 2, ... (the `v` is in the route). */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,8}$/.test(param);
