import { notFound } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/**
 * Any other /api path (including a malformed RCC id, which the `rcc` matcher turns away) answers with
 * the API's JSON error, whatever the client accepts, rather than the HTML error page.
 */
export const fallback: RequestHandler = ({ url }) => notFound(`Nothing at ${url.pathname}.`);
