import { json } from '@sveltejs/kit';

export async function GET({ locals }) {
	const { db, config } = locals.runtime;
	await db.sql`select 1`;
	return json({
		status: 'ok',
		database: db.kind,
		collab: config.redisUrl ? 'redis' : 'single'
	});
}
