import type { Plugin } from 'vite';

/**
 * govuk-frontend's stylesheet as this app ships it. The stylesheet declares the GDS Transport typeface
 * (licensed to GOV.UK services only, and this is not one) and the crest image from `/assets/`, which the
 * build does not hold, so browsers asked for files that answered 404; its `@media screen\0` blocks are an
 * old IE hack that the CSS minifier reports as a syntax error. All three are removed, nothing else.
 */
export function stripGovukAssets(css: string): string {
	let out = css.replace(/@font-face\{[^}]*\}/g, '');
	out = out.replace(/url\(\/assets\/images\/govuk-crest\.svg\)/g, 'none');
	for (
		let start = out.indexOf('@media screen\\0');
		start >= 0;
		start = out.indexOf('@media screen\\0', start)
	) {
		const open = out.indexOf('{', start);
		if (open < 0) break;
		let depth = 0;
		let end = open;
		for (; end < out.length; end++) {
			if (out[end] === '{') depth++;
			else if (out[end] === '}' && --depth === 0) break;
		}
		out = out.slice(0, start) + out.slice(end + 1);
	}
	return out;
}

/** Applies stripGovukAssets to govuk-frontend's CSS wherever the app imports it. */
export function govukFrontendCss(): Plugin {
	return {
		name: 'close-to-home:govuk-frontend-css',
		enforce: 'pre',
		transform(code, id) {
			if (!/govuk-frontend[\\/].*\.css(\?|$)/.test(id)) return null;
			return { code: stripGovukAssets(code), map: null };
		}
	};
}
