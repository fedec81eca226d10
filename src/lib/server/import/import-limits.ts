/** Limits on an import file, from IMPORT_MAX_BYTES (config.ts) and fixed per cell and line. */
export interface ImportLimits {
	maxBytes: number;
	maxLineBytes: number;
	maxFieldChars: number;
}

/** 1 GiB: a million-row episodes file is about 100 MB; the ONS postcode directory, cut to four columns, ~120 MB. */
export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024; // as IMPORT_MAX_BYTES's default (config.ts)

export const DEFAULT_LIMITS: ImportLimits = {
	maxBytes: DEFAULT_MAX_BYTES,
	// Ofsted's widest row is under 1 KB; SSDA903 rows under 200 bytes.
	maxLineBytes: 64 * 1024,
	maxFieldChars: 1000
};
