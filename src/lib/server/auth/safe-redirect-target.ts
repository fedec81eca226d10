/**
 * Where to send someone after signing in: a path on this site, or the home page. The value is resolved
 * with the URL parser, as the browser will resolve the Location header, so tabs and newlines (which
 * browsers strip), backslashes (read as slashes) and `//host` all land where the browser would take
 * them; only a result on this origin is kept. The normalised path must not itself begin with `//`:
 * `/.//evil.example` resolves here to the path `//evil.example`, which a browser would read as another host.
 */
export function safeRedirectTarget(value: string | null | undefined, origin: string): string {
	if (!value?.startsWith('/')) return '/';
	let target: URL;
	try {
		target = new URL(value, origin);
	} catch {
		return '/';
	}
	if (target.origin !== origin || target.pathname.startsWith('//')) return '/';
	return target.pathname + target.search + target.hash;
}
