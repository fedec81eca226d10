import { json } from '@sveltejs/kit';
import { readCollabStatus } from '../../../server/collab/status-registry';

export async function GET({ locals }) {
	const { db, config } = locals.runtime;
	await db.sql`select 1`;
	return json({
		status: 'ok',
		database: db.kind,
		collab: config.redisUrl ? 'redis' : 'single',
		// With Redis unreachable an instance still serves its own clients; say so rather than fail.
		...(config.redisUrl ? { redis: readCollabStatus()?.fanout === 'up' ? 'up' : 'down' } : {})
	});
}
