import { z } from 'zod';
import type { HomeKind, Sector } from '../../domain/types';
import { count, optionalText, optionalUkDate, text } from './csv-fields';
import { DataFileError } from './data-file-error';

/** The columns of Ofsted's provider-level data (31 March 2025) the app uses. */
export const ofstedProviderRow = z.object({
	URN: z
		.string()
		.trim()
		.regex(/^[A-Z]*\d+$/, 'expected an Ofsted URN'),
	'Provision type': text,
	'Registration date': optionalUkDate,
	'Registration status': text,
	'Government Office Region': optionalText,
	'Local authority': optionalText,
	Sector: text,
	Places: z.string().trim(),
	"Short-break-only children's home": optionalText,
	'Organisation which owns the provider': optionalText,
	'Latest full inspection date': optionalUkDate,
	'Overall experiences and progress of children and young people': optionalText,
	'How well children and young people are helped and protected': optionalText,
	'The effectiveness of leaders and managers': optionalText
});

export type OfstedProviderRow = z.output<typeof ofstedProviderRow>;

/** Whether a raw row of the provider file is a children's home of some kind (the rest are not read). */
export function isChildrensHomeRow(row: Record<string, string>): boolean {
	return (row['Provision type'] ?? '').trim().toLowerCase() in KINDS;
}

/**
 * Provision types that are children's homes (Ofsted writes "Children's home" and, for a few,
 * "Children's Home"), with the kind the app gives them.
 */
const KINDS: Record<string, { kind: HomeKind; provisionType: string }> = {
	"children's home": { kind: 'childrens_home', provisionType: "Children's home" },
	"secure children's home": { kind: 'secure', provisionType: "Secure children's home" },
	"residential special school (registered as a children's home)": {
		kind: 'residential_school',
		provisionType: "Residential special school (registered as a children's home)"
	}
};

/**
 * Ofsted's LA names that differ from the ONS/DfE names of the same upper-tier LA (the rest match
 * exactly), as used for ofsted_childrens_homes_by_la_2025.csv.
 */
export const OFSTED_LA_NAME_FIXES: Record<string, string> = {
	Durham: 'County Durham',
	'St Helens': 'St. Helens',
	'Southend on Sea': 'Southend-on-Sea',
	'Kingston upon Hull': 'Kingston upon Hull, City of',
	Herefordshire: 'Herefordshire, County of',
	'Bournemouth, Christchurch & Poole': 'Bournemouth, Christchurch and Poole',
	Bristol: 'Bristol, City of'
};

const SECTORS: readonly Sector[] = ['Private', 'Local Authority', 'Voluntary', 'Health Authority'];

export interface OfstedHome {
	urn: string;
	laCode: string;
	provisionType: string;
	kind: HomeKind;
	sector: Sector;
	places: number;
	shortBreaksOnly: boolean;
	owner: string | null;
	registrationDate: string | null;
	inspectionDate: string | null;
	gradeOverall: string | null;
	gradeHelpAndProtect: string | null;
	gradeLeadership: string | null;
}

export interface OfstedHomesResult {
	homes: OfstedHome[];
	/** Children's homes left out: not in England, or an LA name that matches no English LA. */
	skipped: { urn: string; localAuthority: string | null; reason: string }[];
}

/**
 * Every children's home (including secure homes and residential special schools registered as
 * children's homes) in the provider list, matched to its upper-tier LA by name.
 */
export function ofstedHomes(
	rows: readonly OfstedProviderRow[],
	laCodeByName: ReadonlyMap<string, string>
): OfstedHomesResult {
	const homes: OfstedHome[] = [];
	const skipped: OfstedHomesResult['skipped'] = [];
	for (const row of rows) {
		const type = KINDS[row['Provision type'].toLowerCase()];
		if (!type) continue;
		const localAuthority = row['Local authority'];
		if (row['Government Office Region'] === 'Wales') {
			skipped.push({ urn: row.URN, localAuthority, reason: 'in Wales' });
			continue;
		}
		const laCode = localAuthority
			? laCodeByName.get(OFSTED_LA_NAME_FIXES[localAuthority] ?? localAuthority)
			: undefined;
		if (!laCode) {
			skipped.push({ urn: row.URN, localAuthority, reason: 'LA name matches no English upper-tier LA' });
			continue;
		}
		const sector = SECTORS.find((s) => s === row.Sector);
		if (!sector) throw new DataFileError(`Ofsted providers, URN ${row.URN}: unknown sector "${row.Sector}"`);
		const places = count.safeParse(row.Places);
		if (!places.success) {
			throw new DataFileError(
				`Ofsted providers, URN ${row.URN}, column "Places": expected a whole number for a home`
			);
		}
		homes.push({
			urn: row.URN,
			laCode,
			provisionType: type.provisionType,
			kind: type.kind,
			sector,
			places: places.data,
			shortBreaksOnly: row["Short-break-only children's home"] !== null,
			owner: row['Organisation which owns the provider'],
			registrationDate: row['Registration date'],
			inspectionDate: row['Latest full inspection date'],
			gradeOverall: row['Overall experiences and progress of children and young people'],
			gradeHelpAndProtect: row['How well children and young people are helped and protected'],
			gradeLeadership: row['The effectiveness of leaders and managers']
		});
	}
	return { homes, skipped };
}
