/**
 * Headers every dynamic response carries (static files under /_app are served by adapter-node before the
 * hooks and hold nothing private). The page policy itself is SvelteKit's `kit.csp` (svelte.config.js),
 * which adds a nonce for its inline scripts; what depends on the path or the runtime configuration is
 * added here.
 */

/** For anything that is not a page (JSON, redirects, plain-text errors): nothing may load or frame it. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Published strategies are public and meant to be embedded in councils' own sites. */
export function mayBeFramed(pathname: string): boolean {
	return pathname === '/published' || pathname.startsWith('/published/');
}

type Directives = Map<string, string[]>;

function parsePolicy(policy: string): Directives {
	const directives: Directives = new Map();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

function serialisePolicy(directives: Directives): string {
	return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The origin of an absolute basemap style URL; a relative one is on this site, already allowed. */
export function basemapOrigin(style: string | null): string | null {
	if (!style || !URL.canParse(style)) return null;
	const { origin, protocol } = new URL(style);
	return protocol === 'https:' || protocol === 'http:' ? origin : null;
}

export interface SecurityContext {
	pathname: string;
	/** PUBLIC_BASEMAP_STYLE: MapLibre fetches the style, tiles, glyphs and sprites from its origin. */
	basemapStyle: string | null;
}

/** Sets the security headers on `headers` (mutable: a response SvelteKit built). */
export function applySecurityHeaders(headers: Headers, context: SecurityContext): void {
	headers.set('x-content-type-options', 'nosniff');
	// Other sites (a basemap's tile server included) learn this origin, never a path naming an RCC or plan.
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	const framed = mayBeFramed(context.pathname);
	if (!framed) headers.set('x-frame-options', 'DENY');
	const policy = headers.get('content-security-policy');
	if (policy === null) {
		headers.set('content-security-policy', NON_PAGE_POLICY);
		return;
	}
	const directives = parsePolicy(policy);
	if (!framed) directives.set('frame-ancestors', ["'none'"]);
	const basemap = basemapOrigin(context.basemapStyle);
	if (basemap) {
		for (const name of ['connect-src', 'img-src']) {
			const sources = directives.get(name) ?? directives.get('default-src') ?? ["'self'"];
			if (!sources.includes(basemap)) directives.set(name, [...sources, basemap]);
		}
	}
	headers.set('content-security-policy', serialisePolicy(directives));
}
