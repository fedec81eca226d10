/**
 * Interaction modes as a table, so that adding a mode without its handlers fails the type check.
 * Handlers get a narrow context from the controller rather than the map itself.
 */
import type { MapMode, Selection } from './view-state';

/** What a click chooses: a home or an LA, or a demand hotspot cell (for its placement lines). */
export type Picked = Selection | { kind: 'cell'; h3: string };

export interface PointerContext {
	/** What is under the pointer, topmost first. */
	pick(): Picked;
	select(picked: Picked): void;
	setCursor(cursor: string): void;
}

export interface ModeHandlers {
	click(context: PointerContext): void;
	move(context: PointerContext): void;
}

export const modes: Record<MapMode, ModeHandlers> = {
	browse: {
		click: (context) => context.select(context.pick()),
		move: (context) => context.setCursor(context.pick() ? 'pointer' : '')
	},
	/** While data loads or a dialog owns the screen: the map pans and zooms but picks nothing. */
	inactive: {
		click: () => {},
		move: (context) => context.setCursor('')
	}
};
