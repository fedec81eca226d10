import { describe, expect, it } from 'vitest';
import { isPresentMode, presentModeHref, sceneStepForKey } from './present-mode';

describe('presentation mode', () => {
	it('is on with ?present, whatever its value', () => {
		expect(isPresentMode(new URL('http://x/rcc/gm?present'))).toBe(true);
		expect(isPresentMode(new URL('http://x/rcc/gm?present=1'))).toBe(true);
		expect(isPresentMode(new URL('http://x/rcc/gm?focus=la:E08000003'))).toBe(false);
	});

	it('links on and off, keeping the other parameters', () => {
		expect(presentModeHref(new URL('http://x/rcc/gm'), true)).toBe('/rcc/gm?present');
		expect(presentModeHref(new URL('http://x/rcc/gm?focus=la:E08000003'), true)).toBe(
			'/rcc/gm?focus=la%3AE08000003&present'
		);
		expect(presentModeHref(new URL('http://x/rcc/gm?present&focus=a'), false)).toBe('/rcc/gm?focus=a');
	});

	it('steps scenes with the arrow keys and a clicker, and leaves other keys alone', () => {
		expect(sceneStepForKey('ArrowRight')).toBe(1);
		expect(sceneStepForKey('PageDown')).toBe(1);
		expect(sceneStepForKey('ArrowLeft')).toBe(-1);
		expect(sceneStepForKey('PageUp')).toBe(-1);
		expect(sceneStepForKey('ArrowUp')).toBeNull();
		expect(sceneStepForKey('+')).toBeNull();
	});
});
