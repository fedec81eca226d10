import { z } from 'zod';
import type { DfeFigures } from '../../domain/cohort';
import { bool, count, gssCode, optionalCount, optionalNumber, text } from './csv-fields';

/** One LA of la_summary_2025.csv (DfE 2025, ONS mid-2024, Ofsted 2025), as far as the app uses it. */
export const laSummaryRow = z.object({
	ctyua24cd: gssCode,
	la_name: text,
	rgn_cd: z
		.string()
		.trim()
		.regex(/^E1[23]\d{6}$/, 'expected a region code such as E12000002'),
	rgn_nm: text,
	dfe_la_code: optionalCount,
	gm: bool,
	south_east: bool,
	pop_0_17_mid2024: optionalCount,
	cla_31mar_2025: optionalCount,
	cla_31mar_rate_per_10k_2025: optionalNumber,
	cla_starts_2025: optionalCount,
	cla_ceased_2025: optionalCount,
	cla31mar_dist_total_n: optionalCount,
	cla31mar_over20mi_n: optionalCount,
	cla31mar_over20mi_pct: optionalNumber,
	cla31mar_outside_la_n: optionalCount,
	cla31mar_outside_la_pct: optionalNumber,
	cla31mar_outside_la_over20mi_n: optionalCount,
	cla31mar_outside_la_over20mi_pct: optionalNumber,
	cla31mar_other_la_children_placed_in_la_n: optionalCount,
	cla31mar_own_provision_n: optionalCount,
	cla31mar_own_provision_pct: optionalNumber,
	cla31mar_private_provision_n: optionalCount,
	cla31mar_private_provision_pct: optionalNumber,
	cla31mar_foster_n: optionalCount,
	cla31mar_foster_pct: optionalNumber,
	cla31mar_secure_and_childrens_homes_n: optionalCount,
	cla31mar_secure_and_childrens_homes_pct: optionalNumber,
	cla31mar_independent_supported_n: optionalCount,
	cla31mar_independent_supported_pct: optionalNumber,
	cla31mar_residential_schools_n: optionalCount,
	cla31mar_residential_schools_pct: optionalNumber,
	ofsted_chomes_all_n_2025: count,
	ofsted_chomes_all_places_2025: count,
	ofsted_ch_n_2025: count,
	ofsted_ch_places_2025: count,
	ofsted_ifa_n_2025: optionalCount,
	imd25_prop_lsoa_most_deprived_10pct: optionalNumber
});

export type LaSummaryRow = z.output<typeof laSummaryRow>;

/**
 * The region (ITL1) of an LA. DfE splits London into Inner (E13000001) and Outer (E13000002) London;
 * the region boundaries have one London (E12000007).
 */
export function laRegion(row: LaSummaryRow): { code: string; name: string } {
	if (row.rgn_cd.startsWith('E13')) return { code: 'E12000007', name: 'London' };
	return { code: row.rgn_cd, name: row.rgn_nm };
}

/**
 * The figures stored in `las.published` (read by $lib/domain/summary's readPublished): DfE's 2025
 * counts and percentages of children looked after on 31 March, Ofsted's 31 March 2025 homes and
 * places; null where suppressed. Percentages are DfE's own, rounded to whole numbers.
 */
export function publishedFigures(row: LaSummaryRow): Record<string, number | null> {
	return {
		childrenLookedAfter: row.cla_31mar_2025,
		childrenLookedAfterPer10k: row.cla_31mar_rate_per_10k_2025,
		childrenStarting: row.cla_starts_2025,
		childrenCeasing: row.cla_ceased_2025,
		population0to17: row.pop_0_17_mid2024,
		outsideLa: row.cla31mar_outside_la_n,
		percentOutsideLa: row.cla31mar_outside_la_pct,
		over20Miles: row.cla31mar_over20mi_n,
		percentOver20Miles: row.cla31mar_over20mi_pct,
		outsideLaOver20Miles: row.cla31mar_outside_la_over20mi_n,
		percentOutsideLaOver20Miles: row.cla31mar_outside_la_over20mi_pct,
		otherLaChildrenPlacedInLa: row.cla31mar_other_la_children_placed_in_la_n,
		ownProvision: row.cla31mar_own_provision_n,
		percentOwnProvision: row.cla31mar_own_provision_pct,
		privateProvision: row.cla31mar_private_provision_n,
		percentPrivateProvision: row.cla31mar_private_provision_pct,
		foster: row.cla31mar_foster_n,
		percentFoster: row.cla31mar_foster_pct,
		secureAndChildrensHomes: row.cla31mar_secure_and_childrens_homes_n,
		percentSecureAndChildrensHomes: row.cla31mar_secure_and_childrens_homes_pct,
		independentSupported: row.cla31mar_independent_supported_n,
		percentIndependentSupported: row.cla31mar_independent_supported_pct,
		residentialSchools: row.cla31mar_residential_schools_n,
		percentResidentialSchools: row.cla31mar_residential_schools_pct,
		ofstedHomes: row.ofsted_chomes_all_n_2025,
		ofstedPlaces: row.ofsted_chomes_all_places_2025,
		ofstedChildrensHomes: row.ofsted_ch_n_2025,
		ofstedChildrensHomesPlaces: row.ofsted_ch_places_2025,
		ofstedFosteringAgencies: row.ofsted_ifa_n_2025,
		// No per-LA count of fostering places is published (Ofsted's are national and by agency).
		fosteringPlaces: null
	};
}

/** What the cohort generator must reproduce; null when DfE gives no count of children. */
export function dfeFigures(row: LaSummaryRow): DfeFigures | null {
	if (row.cla_31mar_2025 === null) return null;
	return {
		childrenLookedAfter: row.cla_31mar_2025,
		outsideLa: row.cla31mar_outside_la_n,
		over20Miles: row.cla31mar_over20mi_n,
		outsideLaOver20Miles: row.cla31mar_outside_la_over20mi_n,
		foster: row.cla31mar_foster_n,
		secureAndChildrensHomes: row.cla31mar_secure_and_childrens_homes_n,
		independentSupported: row.cla31mar_independent_supported_n,
		residentialSchools: row.cla31mar_residential_schools_n
	};
}
