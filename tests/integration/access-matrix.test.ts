import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaSummary, Compared, CurrentUser, RccListing, RccSummary } from '../../src/lib/domain/types';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { insertFixture, LA } from './api-fixture';
import { addAccount, PASSWORD } from './helpers/accounts';
import { startAppServer, Session, type AppServer } from './helpers/app-server';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

/**
 * Every page and endpoint x every kind of person, asserting exactly what each receives: the status,
 * and which RCCs, LAs, homes and children appear. The fixture (api-fixture.ts): RCC `tst` = LAs A
 * (6 children) and B (4 children: a small number); RCC `other` = LA D (2 children); England = A-D.
 */
const PERSONAS = [
	'anonymous',
	'viewer',
	'commissionerA',
	'commissionerB',
	'adminTst',
	'adminOther',
	// Moves LAs between RCCs, and holds no role in any: the flag opens no RCC.
	'platformAdmin'
] as const;
type Persona = (typeof PERSONAS)[number];

type Seen = { status: number; seen?: unknown };
type Expected = Record<Persona, Seen>;

interface Case {
	name: string;
	request: (session: Session) => Promise<Response>;
	/** What the person received, reduced to what the matrix compares (only for 2xx answers, unless told). */
	observe?: (response: Response) => Promise<unknown>;
	expected: Expected;
}

const all = (seen: Seen): Expected => Object.fromEntries(PERSONAS.map((p) => [p, seen])) as Expected;
const signedIn = (seen: Seen, anonymous: Seen): Expected => ({ ...all(seen), anonymous });

const UNAUTHORISED = { status: 401, seen: { message: 'Sign in to see this.' } };
const json = async (response: Response) => response.json();
const notFound = (id: string) => ({ status: 404, seen: { message: `There is no RCC "${id}".` } });

/** A figure as the reader sees it: the number, "<5" when withheld, "-" when not held. */
function shown(value: Compared): string | number {
	return value.suppressed ? '<5' : (value.computed ?? '-');
}
function childFigures(area: AreaSummary) {
	return [shown(area.childrenLookedAfter), shown(area.percentOutsideLa), shown(area.percentOver20Miles)];
}
async function summaryFigures(response: Response) {
	const summary = (await response.json()) as RccSummary;
	return {
		...Object.fromEntries(summary.las.map((la) => [la.name, childFigures(la)])),
		region: childFigures(summary.region)
	};
}
async function featureProperty(response: Response, key: string) {
	const body = (await response.json()) as { features: { properties: Record<string, unknown> }[] };
	return body.features.map((f) => f.properties[key]);
}
function redirectsToSignIn(pathname: string): Seen {
	return { status: 303, seen: `/login?redirectTo=${encodeURIComponent(pathname)}` };
}
const location = async (response: Response) => response.headers.get('location');

const ENGLAND_AS_SEEN_BY_OTHERS = {
	Alpha: [6, '<5', '<5'],
	Beta: ['<5', '<5', '<5'],
	Delta: ['<5', '<5', '<5'],
	Gamma: ['-', '-', '-'],
	region: ['-', '-', '-']
};

const get = (pathname: string) => (session: Session) => session.get(pathname);

/** The plan created in beforeAll (by Alpha's commissioner): cases read it when they run. */
let planId = '';
/** The accounts' ids, for form fields that name a person. */
const userIds = {} as Record<Persona, number>;
const plan = (pathname: string) => pathname.replace(':plan', planId);
/** Redirect targets with the plan's id put back as `:plan`, so expectations can be written up front. */
const planLocation = async (response: Response) =>
	response.status === 303 ? response.headers.get('location')?.replace(planId, ':plan') : undefined;
const rolesOnly = (status: Record<Persona, number>): Expected =>
	Object.fromEntries(PERSONAS.map((p) => [p, { status: status[p] }])) as Expected;

const CASES: Case[] = [
	{
		name: 'GET /api/me',
		request: get('/api/me'),
		observe: async (response) => {
			if (response.status !== 200) return response.json();
			const me = (await response.json()) as CurrentUser;
			return me.roles.map((r) => [r.rccId, r.role, r.laCode].filter(Boolean).join(' '));
		},
		expected: {
			anonymous: { status: 401, seen: { message: 'Sign in to see your account.' } },
			viewer: { status: 200, seen: ['tst viewer'] },
			commissionerA: { status: 200, seen: [`tst commissioner ${LA.A}`] },
			commissionerB: { status: 200, seen: [`tst commissioner ${LA.B}`] },
			adminTst: { status: 200, seen: ['tst rcc_admin'] },
			adminOther: { status: 200, seen: ['other rcc_admin'] },
			platformAdmin: { status: 200, seen: [] }
		}
	},
	{
		name: 'GET /api/rccs',
		request: get('/api/rccs'),
		observe: async (response) =>
			response.status === 200
				? ((await response.json()) as RccListing[]).map(
						(r) => `${r.id}: ${r.headline.childrenLookedAfter ?? '-'}`
					)
				: response.json(),
		expected: {
			anonymous: UNAUTHORISED,
			// The region's 10 would give B's 4 away to A's commissioner, who knows A's 6.
			viewer: { status: 200, seen: ['tst: 10', 'england: -'] },
			commissionerA: { status: 200, seen: ['tst: -', 'england: -'] },
			commissionerB: { status: 200, seen: ['tst: 10', 'england: -'] },
			adminTst: { status: 200, seen: ['tst: 10', 'england: -'] },
			adminOther: { status: 200, seen: ['other: -', 'england: -'] },
			platformAdmin: { status: 200, seen: ['england: -'] }
		}
	},
	{
		name: 'GET /api/regions.geojson',
		request: get('/api/regions.geojson'),
		observe: async (response) =>
			response.status === 200 ? featureProperty(response, 'name') : response.json(),
		expected: signedIn({ status: 200, seen: ['North West', 'South East'] }, UNAUTHORISED)
	},
	{
		name: 'GET /api/rccs/tst/summary',
		request: get('/api/rccs/tst/summary'),
		observe: async (response) => (response.status === 200 ? summaryFigures(response) : response.json()),
		expected: {
			anonymous: UNAUTHORISED,
			viewer: {
				status: 200,
				seen: { Alpha: ['<5', '<5', '<5'], Beta: ['<5', '<5', '<5'], region: [10, '<5', '<5'] }
			},
			commissionerA: {
				status: 200,
				seen: { Alpha: [6, 33.3, 16.7], Beta: ['<5', '<5', '<5'], region: ['<5', '<5', '<5'] }
			},
			commissionerB: {
				status: 200,
				seen: { Alpha: [6, '<5', '<5'], Beta: [4, 0, 0], region: [10, '<5', '<5'] }
			},
			adminTst: {
				status: 200,
				seen: { Alpha: ['<5', '<5', '<5'], Beta: ['<5', '<5', '<5'], region: [10, '<5', '<5'] }
			},
			adminOther: notFound('tst'),
			platformAdmin: notFound('tst')
		}
	},
	{
		name: 'GET /api/rccs/tst/boundaries.geojson',
		request: get('/api/rccs/tst/boundaries.geojson'),
		observe: async (response) => {
			if (response.status !== 200) return response.json();
			const body = (await response.json()) as { features: { properties: Record<string, unknown> }[] };
			return body.features.map((f) => `${f.properties.name}: ${f.properties.childrenLookedAfter ?? '-'}`);
		},
		expected: {
			anonymous: UNAUTHORISED,
			viewer: { status: 200, seen: ['Alpha: -', 'Beta: -', 'Gamma: -'] },
			commissionerA: { status: 200, seen: ['Alpha: 6', 'Beta: -', 'Gamma: -'] },
			commissionerB: { status: 200, seen: ['Alpha: 6', 'Beta: 4', 'Gamma: -'] },
			adminTst: { status: 200, seen: ['Alpha: -', 'Beta: -', 'Gamma: -'] },
			adminOther: notFound('tst'),
			platformAdmin: notFound('tst')
		}
	},
	{
		name: 'GET /api/rccs/tst/homes.geojson',
		request: get('/api/rccs/tst/homes.geojson'),
		observe: async (response) =>
			response.status === 200 ? featureProperty(response, 'urn') : response.json(),
		expected: {
			...signedIn({ status: 200, seen: ['SC000001', 'SC000002', 'SC000003'] }, UNAUTHORISED),
			adminOther: notFound('tst'),
			platformAdmin: notFound('tst')
		}
	},
	{
		name: 'GET /api/rccs/tst/hotspots.geojson',
		request: get('/api/rccs/tst/hotspots.geojson'),
		observe: async (response) =>
			response.status === 200 ? featureProperty(response, 'children') : response.json(),
		expected: {
			...signedIn({ status: 200, seen: [6] }, UNAUTHORISED),
			adminOther: notFound('tst'),
			platformAdmin: notFound('tst')
		}
	},
	{
		name: 'GET /api/rccs/tst/placements.geojson',
		request: get('/api/rccs/tst/placements.geojson'),
		observe: async (response) =>
			response.status === 200 ? featureProperty(response, 'childId') : response.json(),
		expected: {
			anonymous: UNAUTHORISED,
			viewer: { status: 200, seen: [] },
			commissionerA: { status: 200, seen: ['a1', 'a2', 'a3', 'a4', 'a6'] },
			commissionerB: { status: 200, seen: ['b1', 'b2', 'b3', 'b4'] },
			adminTst: { status: 200, seen: [] },
			adminOther: notFound('tst'),
			platformAdmin: notFound('tst')
		}
	},
	{
		name: 'GET /api/rccs/other/summary',
		request: get('/api/rccs/other/summary'),
		observe: async (response) => (response.status === 200 ? summaryFigures(response) : response.json()),
		expected: {
			...signedIn(notFound('other'), UNAUTHORISED),
			adminOther: { status: 200, seen: { Delta: ['<5', '<5', '<5'], region: ['<5', '<5', '<5'] } }
		}
	},
	{
		name: 'GET /api/rccs/other/homes.geojson',
		request: get('/api/rccs/other/homes.geojson'),
		observe: async (response) =>
			response.status === 200 ? featureProperty(response, 'urn') : response.json(),
		expected: {
			...signedIn(notFound('other'), UNAUTHORISED),
			adminOther: { status: 200, seen: ['SC000004'] }
		}
	},
	{
		name: 'GET /api/rccs/other/placements.geojson',
		request: get('/api/rccs/other/placements.geojson'),
		observe: async (response) =>
			response.status === 200 ? featureProperty(response, 'childId') : response.json(),
		expected: { ...signedIn(notFound('other'), UNAUTHORISED), adminOther: { status: 200, seen: [] } }
	},
	{
		name: 'GET /api/rccs/england/summary',
		request: get('/api/rccs/england/summary'),
		observe: async (response) => (response.status === 200 ? summaryFigures(response) : response.json()),
		expected: {
			anonymous: UNAUTHORISED,
			// No region total (Gamma's records are not held), so no total can give a cell away: Alpha's 6
			// is shown, Beta's and Delta's small numbers are not.
			viewer: { status: 200, seen: ENGLAND_AS_SEEN_BY_OTHERS },
			commissionerA: {
				status: 200,
				seen: { ...ENGLAND_AS_SEEN_BY_OTHERS, Alpha: [6, 33.3, 16.7] }
			},
			commissionerB: {
				status: 200,
				seen: { ...ENGLAND_AS_SEEN_BY_OTHERS, Beta: [4, 0, 0] }
			},
			adminTst: { status: 200, seen: ENGLAND_AS_SEEN_BY_OTHERS },
			adminOther: { status: 200, seen: ENGLAND_AS_SEEN_BY_OTHERS },
			platformAdmin: { status: 200, seen: ENGLAND_AS_SEEN_BY_OTHERS }
		}
	},
	{
		name: 'GET /api/rccs/england/homes.geojson (England is aggregates only)',
		request: get('/api/rccs/england/homes.geojson'),
		observe: json,
		expected: signedIn({ status: 403, seen: { message: 'You do not have access to this.' } }, UNAUTHORISED)
	},
	{
		name: 'GET /api/rccs/england/hotspots.geojson',
		request: get('/api/rccs/england/hotspots.geojson'),
		observe: async (response) =>
			response.status === 200 ? featureProperty(response, 'children') : response.json(),
		expected: signedIn({ status: 200, seen: [6] }, UNAUTHORISED)
	},
	{
		name: 'GET /api/rccs/england/placements.geojson',
		request: get('/api/rccs/england/placements.geojson'),
		observe: async (response) =>
			response.status === 200 ? featureProperty(response, 'childId') : response.json(),
		expected: signedIn({ status: 200, seen: [] }, UNAUTHORISED)
	},
	{
		name: 'GET /api/rccs/nope/summary (no such RCC: the same answer as a hidden one)',
		request: get('/api/rccs/nope/summary'),
		observe: json,
		expected: signedIn(notFound('nope'), UNAUTHORISED)
	},
	{
		name: 'GET /api/rccs/tst/plans',
		request: get('/api/rccs/tst/plans'),
		observe: async (response) =>
			response.status === 200
				? ((await response.json()) as { title: string }[]).map((p) => p.title)
				: response.json(),
		expected: {
			...signedIn({ status: 200, seen: ['Sufficiency strategy'] }, UNAUTHORISED),
			adminOther: notFound('tst'),
			platformAdmin: notFound('tst')
		}
	},
	{
		name: 'POST /api/rccs/tst/plans (start a plan: commissioners and administrators)',
		request: (session) =>
			session.postJson('/api/rccs/tst/plans', { title: 'Another plan', period: '2027-2030' }),
		expected: rolesOnly({
			anonymous: 401,
			viewer: 403,
			commissionerA: 201,
			commissionerB: 201,
			adminTst: 201,
			adminOther: 404,
			platformAdmin: 404
		})
	},
	{
		name: 'GET /api/rccs/tst/plans/:plan/snapshots',
		request: (session) => session.get(plan('/api/rccs/tst/plans/:plan/snapshots')),
		expected: rolesOnly({
			anonymous: 401,
			viewer: 200,
			commissionerA: 200,
			commissionerB: 200,
			adminTst: 200,
			adminOther: 404,
			platformAdmin: 404
		})
	},
	{
		name: 'POST /api/rccs/tst/plans/:plan/snapshots (name a version: editors only)',
		request: (session) => session.postJson(plan('/api/rccs/tst/plans/:plan/snapshots'), { name: 'Draft' }),
		expected: rolesOnly({
			anonymous: 401,
			viewer: 403,
			commissionerA: 201,
			commissionerB: 201,
			adminTst: 201,
			adminOther: 404,
			platformAdmin: 404
		})
	},
	{
		name: 'page /rcc/tst/plans',
		request: get('/rcc/tst/plans'),
		observe: planLocation,
		expected: {
			...signedIn({ status: 200 }, redirectsToSignIn('/rcc/tst/plans')),
			adminOther: { status: 404 },
			platformAdmin: { status: 404 }
		}
	},
	{
		name: 'page /rcc/tst/plans/:plan',
		request: (session) => session.get(plan('/rcc/tst/plans/:plan')),
		observe: planLocation,
		expected: {
			...signedIn({ status: 200 }, { status: 303, seen: '/login?redirectTo=%2Frcc%2Ftst%2Fplans%2F:plan' }),
			adminOther: { status: 404 },
			platformAdmin: { status: 404 }
		}
	},
	{
		name: 'POST /api/rccs/tst/plans/:plan/publish (the RCC administrator only)',
		request: (session) => session.postJson(plan('/api/rccs/tst/plans/:plan/publish'), {}),
		expected: rolesOnly({
			anonymous: 401,
			viewer: 403,
			commissionerA: 403,
			commissionerB: 403,
			adminTst: 201,
			adminOther: 404,
			platformAdmin: 404
		})
	},
	{
		name: 'page /published/tst/:plan/v1 (public once published)',
		request: (session) => session.get(plan('/published/tst/:plan/v1')),
		expected: all({ status: 200 })
	},
	{
		name: 'page /',
		request: get('/'),
		observe: async (response) => {
			const html = await response.text();
			return ['Test RCC', 'Another RCC'].filter((name) => html.includes(name));
		},
		expected: {
			anonymous: { status: 200, seen: [] },
			viewer: { status: 200, seen: ['Test RCC'] },
			commissionerA: { status: 200, seen: ['Test RCC'] },
			commissionerB: { status: 200, seen: ['Test RCC'] },
			adminTst: { status: 200, seen: ['Test RCC'] },
			adminOther: { status: 200, seen: ['Another RCC'] },
			platformAdmin: { status: 200, seen: [] }
		}
	},
	{
		name: 'page /rcc/tst',
		request: get('/rcc/tst'),
		observe: async (response) => (response.status === 303 ? location(response) : undefined),
		expected: {
			...signedIn({ status: 200 }, redirectsToSignIn('/rcc/tst')),
			adminOther: { status: 404 },
			platformAdmin: { status: 404 }
		}
	},
	{
		name: 'page /rcc/england',
		request: get('/rcc/england'),
		observe: async (response) => (response.status === 303 ? location(response) : undefined),
		expected: signedIn({ status: 200 }, redirectsToSignIn('/rcc/england'))
	},
	{
		name: 'page /login',
		request: get('/login'),
		observe: location,
		expected: signedIn({ status: 303, seen: '/' }, { status: 200, seen: null })
	},
	{
		name: 'page /logout',
		request: get('/logout'),
		observe: location,
		expected: signedIn({ status: 200, seen: null }, { status: 303, seen: '/login' })
	},
	{
		name: 'page /account',
		request: get('/account'),
		observe: async (response) => (response.status === 303 ? location(response) : undefined),
		expected: signedIn({ status: 200 }, redirectsToSignIn('/account'))
	},
	{
		name: 'page /admin',
		request: get('/admin'),
		observe: async (response) => (response.status === 303 ? location(response) : undefined),
		expected: {
			anonymous: redirectsToSignIn('/admin'),
			viewer: { status: 403 },
			commissionerA: { status: 403 },
			commissionerB: { status: 403 },
			adminTst: { status: 200 },
			adminOther: { status: 200 },
			platformAdmin: { status: 200 }
		}
	},
	...['/admin/tst', '/admin/tst/audit'].map((pathname): Case => ({
		name: `page ${pathname}`,
		request: get(pathname),
		observe: async (response) => (response.status === 303 ? location(response) : undefined),
		expected: {
			anonymous: redirectsToSignIn(pathname),
			viewer: { status: 403 },
			commissionerA: { status: 403 },
			commissionerB: { status: 403 },
			adminTst: { status: 200 },
			adminOther: { status: 404 },
			platformAdmin: { status: 404 }
		}
	})),
	{
		name: 'form action /admin/tst?/removeLa (an LA that is not a member: changes nothing)',
		request: (session) => session.postForm('/admin/tst?/removeLa', { laCode: LA.C }),
		observe: async (response) => (response.status === 303 ? location(response) : undefined),
		expected: {
			anonymous: redirectsToSignIn('/admin/tst'),
			viewer: { status: 403 },
			commissionerA: { status: 403 },
			commissionerB: { status: 403 },
			adminTst: { status: 400 },
			adminOther: { status: 404 },
			platformAdmin: { status: 404 }
		}
	},
	{
		name: 'page /admin/other/audit (another RCC’s log)',
		request: get('/admin/other/audit'),
		observe: async (response) => (response.status === 303 ? location(response) : undefined),
		expected: {
			...signedIn({ status: 404 }, redirectsToSignIn('/admin/other/audit')),
			adminOther: { status: 200 }
		}
	},
	...adminFormCases()
];

/**
 * Every admin form action that could reach another RCC's LA or people, tried by everyone: only the
 * administrator of the RCC in the URL gets as far as the rule, which refuses with a clear message.
 */
function adminFormCases(): Case[] {
	const tst = (name: string, outcome: Seen, form: (session: Session) => Promise<Response>): Case => ({
		name: `form action /admin/tst?/${name}`,
		request: form,
		observe: problemOf,
		expected: {
			anonymous: redirectsToSignIn('/admin/tst'),
			viewer: { status: 403 },
			commissionerA: { status: 403 },
			commissionerB: { status: 403 },
			adminTst: outcome,
			adminOther: { status: 404 },
			platformAdmin: { status: 404 }
		}
	});
	const refusedLa = (name: string) => ({
		status: 400,
		seen: `A commissioner’s LA must be a member of this RCC: ${name} is not`
	});
	return [
		tst(
			'addLa (another RCC’s LA)',
			{
				status: 400,
				seen:
					'Delta belongs to another RCC. An LA belongs to one RCC at a time; only a platform administrator ' +
					'can move it, once both RCCs agree.'
			},
			(session) => session.postForm('/admin/tst?/addLa', { laCode: LA.D })
		),
		tst(
			'addLa (no such LA)',
			{ status: 400, seen: 'There is no LA with the ONS code E99999999' },
			(session) => session.postForm('/admin/tst?/addLa', { laCode: 'E99999999' })
		),
		tst('addPerson (a commissioner for another RCC’s LA)', refusedLa('Delta'), (session) =>
			session.postForm('/admin/tst?/addPerson', {
				email: 'delta.spy@test.local',
				name: 'Spy',
				role: 'commissioner',
				laCode: LA.D
			})
		),
		tst('changeRole (to commissioner for another RCC’s LA)', refusedLa('Delta'), (session) =>
			session.postForm('/admin/tst?/changeRole', {
				userId: String(userIds.viewer),
				role: 'commissioner',
				laCode: LA.D
			})
		),
		tst('changeRole (to commissioner for an LA of no RCC)', refusedLa('Gamma'), (session) =>
			session.postForm('/admin/tst?/changeRole', {
				userId: String(userIds.viewer),
				role: 'commissioner',
				laCode: LA.C
			})
		),
		tst(
			'revokeRole (a person of another RCC)',
			{ status: 400, seen: 'That person has no role in this RCC' },
			(session) => session.postForm('/admin/tst?/revokeRole', { userId: String(userIds.adminOther) })
		),
		tst(
			'changeRole (a person of another RCC)',
			{ status: 400, seen: 'That person has no role in this RCC' },
			(session) =>
				session.postForm('/admin/tst?/changeRole', { userId: String(userIds.adminOther), role: 'viewer' })
		),
		{
			name: 'form action /admin/other?/addLa (tst’s LA, by the administrator of other)',
			request: (session) => session.postForm('/admin/other?/addLa', { laCode: LA.A, rccId: 'other' }),
			observe: problemOf,
			expected: {
				...signedIn({ status: 404 }, redirectsToSignIn('/admin/other')),
				adminOther: {
					status: 400,
					seen:
						'Alpha belongs to another RCC. An LA belongs to one RCC at a time; only a platform administrator ' +
						'can move it, once both RCCs agree.'
				}
			}
		},
		{
			name: 'form action /admin?/moveLa (platform administrators only; Gamma is already in no RCC)',
			request: (session) => session.postForm('/admin?/moveLa', { laCode: LA.C, rccId: '' }),
			observe: problemOf,
			expected: {
				...signedIn({ status: 403 }, redirectsToSignIn('/admin')),
				platformAdmin: { status: 400, seen: 'Gamma belongs to no RCC' }
			}
		}
	];
}

/** A refused form's message (GOV.UK error summary), or where a redirect goes. */
async function problemOf(response: Response): Promise<string | null | undefined> {
	if (response.status === 303) return response.headers.get('location');
	if (response.status !== 400) return undefined;
	const html = await response.text();
	return /govuk-error-summary__body"><p class="govuk-body">([^<]*)</.exec(html)?.[1] ?? null;
}

describe.each(backends)('access matrix on %s', (backend) => {
	let test: TestDatabase;
	let app: AppServer;
	const sessions = {} as Record<Persona, Session>;

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
		const { sql } = test.db;
		const accounts: [Persona, string, Parameters<typeof addAccount>[2]][] = [
			['viewer', 'viewer@test.local', [{ rccId: 'tst', role: 'viewer' }]],
			['commissionerA', 'a@test.local', [{ rccId: 'tst', role: 'commissioner', laCode: LA.A }]],
			['commissionerB', 'b@test.local', [{ rccId: 'tst', role: 'commissioner', laCode: LA.B }]],
			['adminTst', 'admin.tst@test.local', [{ rccId: 'tst', role: 'rcc_admin' }]],
			['adminOther', 'admin.other@test.local', [{ rccId: 'other', role: 'rcc_admin' }]],
			['platformAdmin', 'platform@test.local', []]
		];
		app = await startAppServer(test.db);
		sessions.anonymous = new Session(app.origin);
		for (const [persona, email, roles] of accounts) {
			userIds[persona] = await addAccount(sql, email, roles);
			if (persona === 'platformAdmin')
				await sql`update users set platform_admin = true where email = ${email}`;
			sessions[persona] = new Session(app.origin);
			expect((await sessions[persona].signIn(email, PASSWORD)).status).toBe(200);
		}
		const created = await sessions.commissionerA.postJson('/api/rccs/tst/plans', {
			title: 'Sufficiency strategy',
			period: '2026-2029'
		});
		expect(created.status).toBe(201);
		planId = ((await created.json()) as { id: string }).id;
	});
	afterAll(async () => {
		await app?.close();
		await test?.drop();
	});

	it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
		const received = {} as Record<Persona, Seen>;
		for (const persona of PERSONAS) {
			const response = await testCase.request(sessions[persona]);
			const copy = response.clone();
			const seen = testCase.observe ? await testCase.observe(response) : undefined;
			received[persona] =
				seen === undefined ? { status: response.status } : { status: response.status, seen };
			// Child-level records reach nobody but the commissioners of the children's own LA, on any path.
			const text = await copy.text();
			if (!persona.startsWith('commissioner'))
				expect(text, `${persona} ${testCase.name}`).not.toMatch(/"childId"/);
		}
		const expected = Object.fromEntries(
			PERSONAS.map((p) => {
				const e = testCase.expected[p];
				return [p, e.seen === undefined ? { status: e.status } : e];
			})
		);
		expect(received).toEqual(expected);
	});
});
