import { z } from 'zod';
import { bandsSchema, unitCostsSchema } from '$lib/domain/costs';
import { ENGLAND_ID } from '$lib/domain/types';
import { canAdministerRcc } from '$lib/server/access';
import * as audit from '$lib/server/audit';
import * as costSettings from '$lib/server/db/cost-settings';
import { jsonResponse } from '$lib/server/json-response';
import { notFound, rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** Pounds a year; an RCC's running costs are far below £100 million. */
const change = z
	.object({
		unitCosts: unitCostsSchema.nullable().optional(),
		bands: bandsSchema.nullable().optional(),
		budget: z
			.number()
			.int('budget must be whole pounds')
			.min(0, 'budget cannot be negative')
			.max(100_000_000, 'budget must be at most £100,000,000 a year')
			.nullable()
			.optional()
	})
	.strict();

/** The RCC's cost settings in force: unit costs, contribution bands, running costs budget. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	if (rcc.id === ENGLAND_ID) return notFound('Cost settings are per RCC.');
	return jsonResponse(await costSettings.of(sql, rcc.id));
};

/**
 * The RCC's administrator sets any of the three (`null` puts one back to the default); validated
 * whole, nothing stored on any problem; written to the audit log.
 */
export const PUT: RequestHandler = async ({ locals, params, request, getClientAddress }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	if (rcc.id === ENGLAND_ID) return notFound('Cost settings are per RCC.');
	if (!canAdministerRcc(user, rcc.id))
		return Response.json(
			{ message: "Only the RCC's administrators change its cost settings." },
			{ status: 403 }
		);
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return Response.json(
			{ message: 'The body must be JSON: { "unitCosts", "bands", "budget" }.' },
			{ status: 400 }
		);
	}
	const parsed = change.safeParse(body);
	if (!parsed.success)
		return Response.json(
			{
				message: 'Invalid cost settings.',
				issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
			},
			{ status: 400 }
		);
	await sql.begin(async (tx) => {
		await costSettings.save(tx, rcc.id, parsed.data, user!.id);
		await audit.record(tx, {
			action: 'costs.changed',
			actor: { id: user!.id, email: user!.email },
			rccId: rcc.id,
			subject: Object.keys(parsed.data).join(', ') || 'nothing',
			address: safeAddress(getClientAddress)
		});
	});
	return jsonResponse(await costSettings.of(sql, rcc.id));
};

function safeAddress(getClientAddress: () => string): string | null {
	try {
		return getClientAddress();
	} catch {
		return null;
	}
}
