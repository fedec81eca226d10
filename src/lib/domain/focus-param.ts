import { isValidCell } from 'h3-js';

/**
 * What a link to the map points at: a gap hexagon (H3 cell), a local authority (ONS code) or a children's
 * home (Ofsted URN). Written into the map page's address as `?focus=<kind>:<id>`.
 */
export type FocusTarget =
	{ kind: 'gap'; cell: string } | { kind: 'la'; code: string } | { kind: 'home'; urn: string };

export type FocusKind = FocusTarget['kind'];

/** A `focus` value as read: a target, or why there is none (null problem: no focus was asked for). */
export type FocusParam = { target: FocusTarget; problem: null } | { target: null; problem: string | null };

/** ONS codes: a letter for the nation and eight digits (E08000003). */
const LA_CODE = /^[EWSN]\d{8}$/;
/** Ofsted URNs: seven digits, or "SC" and six digits for older registrations. */
const URN = /^(SC)?\d{6,7}$/;

/** The target of a kind and id, normalised (codes upper case, cells lower case), or null when malformed. */
export function focusTarget(kind: unknown, id: unknown): FocusTarget | null {
	if (typeof id !== 'string') return null;
	const trimmed = id.trim();
	if (kind === 'gap') {
		const cell = trimmed.toLowerCase();
		return isValidCell(cell) ? { kind, cell } : null;
	}
	if (kind === 'la') {
		const code = trimmed.toUpperCase();
		return LA_CODE.test(code) ? { kind, code } : null;
	}
	if (kind === 'home') {
		const urn = trimmed.toUpperCase();
		return URN.test(urn) ? { kind, urn } : null;
	}
	return null;
}

export function focusId(target: FocusTarget): string {
	return target.kind === 'gap' ? target.cell : target.kind === 'la' ? target.code : target.urn;
}

const KIND_NAMES: Record<FocusKind, string> = {
	gap: 'a gap',
	la: 'a local authority',
	home: "a children's home"
};

/** Reads `?focus=`: absent or empty is no focus; anything else is a target or a polite problem. */
export function parseFocusParam(raw: string | null): FocusParam {
	if (raw === null || raw.trim() === '') return { target: null, problem: null };
	const separator = raw.indexOf(':');
	const kind = separator < 0 ? '' : raw.slice(0, separator).trim().toLowerCase();
	const id = separator < 0 ? '' : raw.slice(separator + 1);
	if (kind !== 'gap' && kind !== 'la' && kind !== 'home')
		return {
			target: null,
			problem:
				'The link you followed does not say what to show on the map (it should name a gap, an LA or a home).'
		};
	const target = focusTarget(kind, id);
	if (!target)
		return {
			target: null,
			problem: `The link you followed is to ${KIND_NAMES[kind]}, but its reference is not one the map recognises.`
		};
	return { target, problem: null };
}

/** The map page of an RCC focused on a target: `/rcc/<rccId>?focus=<kind>:<id>`. */
export function focusHref(rccId: string, target: FocusTarget): string {
	return `/rcc/${encodeURIComponent(rccId)}?focus=${target.kind}:${encodeURIComponent(focusId(target))}`;
}
