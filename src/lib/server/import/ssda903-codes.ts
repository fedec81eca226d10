import type { PlacementType } from '../../domain/types';

/**
 * The DfE's code lists for the children looked after return (SSDA903), as in the DfE's "Children looked
 * after return: guide" and the code sets the DfE's validation tools check against (2024 to 2025
 * collection). A code not listed is refused with the list in the message.
 */

/** PLACE: the placement type, and what the app counts it as. */
export const PLACE: Record<string, { label: string; type: PlacementType }> = {
	A3: { label: 'placed for adoption with parental consent, with current foster carers', type: 'other' },
	A4: { label: 'placed for adoption with parental consent, not with current foster carers', type: 'other' },
	A5: { label: 'placed for adoption with a placement order, with current foster carers', type: 'other' },
	A6: { label: 'placed for adoption with a placement order, not with current foster carers', type: 'other' },
	H5: {
		label: "semi-independent living accommodation not subject to children's homes regulations",
		type: 'supported'
	},
	K1: { label: "secure children's home", type: 'secure' },
	K2: { label: "children's home subject to children's homes regulations", type: 'childrens_home' },
	P1: { label: 'placed with own parent(s) or other person(s) with parental responsibility', type: 'other' },
	P2: {
		label: 'independent living, e.g. in a flat, lodgings, bedsit, B&B or with friends',
		type: 'supported'
	},
	P3: { label: 'residential employment', type: 'other' },
	R1: { label: 'residential care home', type: 'other' },
	R2: { label: 'NHS/health trust or other establishment providing medical or nursing care', type: 'other' },
	R3: { label: 'family centre or mother and baby unit', type: 'other' },
	R5: { label: 'young offender institution or prison', type: 'other' },
	S1: {
		label: "all residential schools, except where dual-registered as a school and children's home",
		type: 'residential_school'
	},
	T0: { label: 'temporary, all types of temporary move stated below', type: 'other' },
	T1: { label: 'temporary periods in hospital', type: 'other' },
	T2: { label: 'temporary periods of absence from placement', type: 'other' },
	T3: { label: 'temporary periods in a young offender institution or prison', type: 'other' },
	T4: { label: 'temporary periods in some other placement (e.g. respite)', type: 'other' },
	U1: { label: 'foster placement with relative or friend, long term fostering', type: 'foster' },
	U2: {
		label: 'foster placement with relative or friend who is also an approved adopter (FFA/concurrent)',
		type: 'foster'
	},
	U3: { label: 'foster placement with relative or friend, not long term or FFA/concurrent', type: 'foster' },
	U4: { label: 'foster placement with other foster carer, long term fostering', type: 'foster' },
	U5: {
		label: 'foster placement with other foster carer who is also an approved adopter (FFA/concurrent)',
		type: 'foster'
	},
	U6: { label: 'foster placement with other foster carer, not long term or FFA/concurrent', type: 'foster' },
	Z1: { label: 'other placements (must be listed on a schedule sent to the DfE)', type: 'other' }
};

/** PLACE codes of children's homes: the URN is required and links the placement to an Ofsted home. */
export const PLACE_CHILDRENS_HOME = new Set(['K1', 'K2']);
/** Placed for adoption: legal status must be a placement order (E1) or freeing order (D1). */
export const PLACE_ADOPTION = new Set(['A3', 'A4', 'A5', 'A6']);
/** The URN SSDA903 writes where a placement has none. */
export const URN_NOT_APPLICABLE = 'XXXXXXX';

export const PLACE_PROVIDER: Record<string, string> = {
	PR0: 'parent(s) or other person(s) with parental responsibility',
	PR1: 'own provision (by the LA)',
	PR2: 'other LA provision',
	PR3: 'other public provision (e.g. by a primary care trust)',
	PR4: 'private provision',
	PR5: 'voluntary/third sector provision'
};

/** LS: legal status. */
export const LS: Record<string, string> = {
	C1: 'interim care order',
	C2: 'full care order',
	D1: 'freeing order granted',
	E1: 'placement order granted',
	J1: 'remanded to local authority accommodation or to youth detention accommodation',
	J2: 'placed in local authority accommodation under the Police and Criminal Evidence Act 1984',
	J3: 'sentenced to a youth rehabilitation order with residence or intensive fostering requirement',
	L1: 'under police protection and in local authority accommodation',
	L2: 'emergency protection order',
	L3: 'under child assessment order and in local authority accommodation',
	V2: 'single period of accommodation under section 20',
	V3: 'accommodated under an agreed series of short-term breaks, when individual episodes are recorded',
	V4: 'accommodated under an agreed series of short-term breaks, when agreements are recorded'
};
/** Short breaks: not counted among the children looked after at the collection date (DfE's rule). */
export const LS_SHORT_BREAKS = new Set(['V3', 'V4']);
export const LS_FOR_ADOPTION = new Set(['D1', 'E1']);

/** RNE: reason for new episode. */
export const RNE: Record<string, string> = {
	S: 'started to be looked after',
	L: 'change of legal status only',
	P: 'change of placement and carer(s) only',
	T: 'change of both legal status and placement',
	U: 'change of placement but with the same carer(s)',
	B: 'change of placement and legal status, with the same carer(s)'
};

/** REC: reason the episode ceased. */
export const REC: Record<string, string> = {
	X1: 'episode ceases, and new episode begins on the same day',
	E11: 'adopted: application for an adoption order unopposed',
	E12: 'adopted: consent dispensed with by the court',
	E13: 'left care to live with parents, relatives or others (no parental responsibility)',
	E14: 'accommodation on remand ended',
	E15: 'age assessment determined the child is aged 18 or over',
	E16: 'child moved abroad',
	E17: 'aged 18 (or over) and remained with current carers (staying put)',
	E2: 'died',
	E3: 'care taken over by another LA in the UK',
	E4A: 'returned home to live with parents or others with parental responsibility, as part of care planning',
	E4B: 'returned home to live with parents or others with parental responsibility, not as part of care planning',
	E41: 'residence order or child arrangement order granted',
	E45: 'special guardianship order made to former foster carers',
	E46: 'special guardianship order made to carers other than former foster carers',
	E47: 'special guardianship order made to relatives or friends, former foster carers',
	E48: 'special guardianship order made to relatives or friends, not former foster carers',
	E5: 'moved into independent living arrangement with supportive accommodation',
	E6: 'moved into independent living arrangement without formalised support',
	E7: 'transferred to residential care funded by adult social services',
	E8: 'period of being looked after ceased for any other reason',
	E9: 'sentenced to custody'
};

export const CIN = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'] as const;

/** SEX in the header file: 1 male, 2 female. */
export const SEX: Record<string, 'male' | 'female'> = { '1': 'male', '2': 'female' };

/** ETHNIC: the DfE's ethnicity codes (checked, never stored). */
export const ETHNIC = [
	'WBRI',
	'WIRI',
	'WIRT',
	'WOTH',
	'WROM',
	'MWBC',
	'MWBA',
	'MWAS',
	'MOTH',
	'AIND',
	'APKN',
	'ABAN',
	'AOTH',
	'BCRB',
	'BAFR',
	'BOTH',
	'CHNE',
	'OOTH',
	'REFU',
	'NOBT'
] as const;
