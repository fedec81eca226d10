import path from 'node:path';

/** Everything the server reads from the environment, read once. */
export interface Config {
	port: number;
	host: string;
	dataDir: string;
	databaseUrl: string | null;
	redisUrl: string | null;
	demo: boolean;
	basemapStyle: string | null;
}

function flag(value: string | undefined): boolean | null {
	if (value === undefined || value === '') return null;
	return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const databaseUrl = env.DATABASE_URL || null;
	const port = Number(env.PORT ?? 3000);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`PORT must be a whole number between 0 and 65535, not "${env.PORT}"`);
	}
	return {
		port,
		host: env.HOST || '0.0.0.0',
		dataDir: path.resolve(env.DATA_DIR || './data'),
		databaseUrl,
		redisUrl: env.REDIS_URL || null,
		// The embedded database is a demo by default; a real server is empty unless asked.
		demo: flag(env.DEMO) ?? databaseUrl === null,
		basemapStyle: env.PUBLIC_BASEMAP_STYLE || null
	};
}
