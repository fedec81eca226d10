import fs from 'node:fs';

/** Removes the temporary data directory the run's server used. */
export default function globalTeardown() {
	const dataDir = process.env.CTH_E2E_DATA_DIR;
	if (dataDir && dataDir.includes('cth-e2e-')) fs.rmSync(dataDir, { recursive: true, force: true });
}
