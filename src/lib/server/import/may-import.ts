import type { CurrentUser } from '../../domain/types';
import { roleIn } from '../access';
import { REGION_WIDE_KINDS, type ImportKind } from './import-kind';

/**
 * Who may import what, on the page (the command line is the operator's): a commissioner for their own
 * LA only, any kind but the postcode sectors; an RCC administrator the region-wide kinds (Ofsted's
 * list, fostering capacity, vacancies) for member LAs, never an LA's child-level return. Postcode
 * sectors serve every RCC: the command line only. Null when allowed, else why not.
 */
export function importRefusal(
	user: CurrentUser | null,
	rcc: { id: string; laCodes: readonly string[] },
	kind: ImportKind,
	laCodes: readonly string[]
): string | null {
	const grant = roleIn(user, rcc.id);
	if (kind === 'postcode-sectors')
		return 'Postcode sectors are loaded from the command line by an administrator.';
	if (laCodes.length === 0) return 'Choose the LA the file is for.';
	if (grant?.role === 'commissioner') {
		return laCodes.every((code) => code === grant.laCode)
			? null
			: 'A commissioner imports for their own LA only.';
	}
	if (grant?.role === 'rcc_admin') {
		if (!REGION_WIDE_KINDS.includes(kind))
			return "An SSDA903 return is the LA's own: its commissioner imports it.";
		return laCodes.every((code) => rcc.laCodes.includes(code))
			? null
			: 'Import for member LAs of this RCC only.';
	}
	return 'Importing takes a commissioner or administrator role in this RCC.';
}

/** May undo the last import of `laCodes`: the same rule as importing it. */
export function restoreRefusal(
	user: CurrentUser | null,
	rcc: { id: string; laCodes: readonly string[] },
	last: { kind: string; laCodes: readonly string[] }
): string | null {
	return importRefusal(user, rcc, last.kind as ImportKind, last.laCodes);
}
