/** Where an LA's figures come from: imported files (with their dates) or the synthetic demo. */
export interface LaDataSource {
	laCode: string;
	/** 'imported' when the LA's children come from its SSDA903 return, else 'synthetic'. */
	children: 'imported' | 'synthetic';
	/** ISO timestamp of each kind's latest import for the LA. */
	imported: Record<string, string>;
}
