/**
 * Sent with every sign-out: the browser empties this site's HTTP cache and its storage (IndexedDB with
 * the offline copies of plans, Cache Storage, local storage), so the next person on the same browser
 * finds nothing of the last one's. Browsers honour it over HTTPS and on localhost only; the sign-out page
 * also deletes the offline copies itself (device-copies.ts), and child-level responses are never stored.
 */
export const CLEAR_SITE_DATA = { 'clear-site-data': '"cache", "storage"' } as const;
