/**
 * A postcode sector ("M14 5": the outward code and the first digit of the inward code), from a sector as
 * SSDA903 writes it (with or without the space) or from a full postcode, which is cut to its sector so
 * that no full postcode is kept. Null when the text is no postcode at all.
 */
export function postcodeSector(text: string): { sector: string; wasFullPostcode: boolean } | null {
	const value = text.trim().toUpperCase().replace(/\s+/g, ' ');
	const full = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d)[A-Z]{2}$/.exec(value);
	if (full) return { sector: `${full[1]} ${full[2]}`, wasFullPostcode: true };
	const sector = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d)$/.exec(value);
	if (sector) return { sector: `${sector[1]} ${sector[2]}`, wasFullPostcode: false };
	return null;
}
