import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { stripGovukAssets } from './govuk-frontend-css';

const require = createRequire(import.meta.url);
const shipped = fs.readFileSync(require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css'), 'utf8');

describe('stripGovukAssets', () => {
	it('removes font faces, the crest and the IE-only media blocks, and nothing else', () => {
		const css =
			'@font-face{font-family:X;src:url(/assets/fonts/a.woff2)}.a{color:red}' +
			'.b:before{background-image:url(/assets/images/govuk-crest.svg)}' +
			'@media screen\\0 {.c{top:0}.d{left:0}}@media screen\\0 and (min-width:1em){.e{top:1px}}.f{margin:0}';
		expect(stripGovukAssets(css)).toBe('.a{color:red}.b:before{background-image:none}.f{margin:0}');
	});

	it('leaves govuk-frontend 5 with no reference to files the build does not hold', () => {
		expect(shipped).toContain('/assets/');
		const stripped = stripGovukAssets(shipped);
		expect(stripped).not.toContain('/assets/');
		expect(stripped).not.toContain('screen\\0');
		expect(stripped).toContain('.govuk-button{');
		// Every rule's braces still balance.
		let depth = 0;
		let lowest = 0;
		for (const char of stripped) {
			depth += char === '{' ? 1 : char === '}' ? -1 : 0;
			lowest = Math.min(lowest, depth);
		}
		expect({ depth, lowest }).toEqual({ depth: 0, lowest: 0 });
	});
});
