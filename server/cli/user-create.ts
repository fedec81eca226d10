/**
 * `npm run user:create -- --email a@b.org --role rcc_admin --rcc gm [--name "A B"] [--la E08000003]
 *  [--rcc-name "Greater Manchester RCC"] [--platform-admin]`
 * `--platform-admin` makes the account a platform administrator (moves LAs between RCCs); with it,
 * `--role` and `--rcc` may be left out.
 * Creates an account (or updates an existing one's password and role, ending its sessions) in the
 * database the app uses (DATA_DIR or DATABASE_URL). The password is read from a prompt, or from standard input when it is not
 * a terminal; never from the command line, where it would land in shell history and process lists.
 * `--rcc-name` creates the RCC when it does not exist yet (a real deployment's first administrator).
 */
import { parseArgs } from 'node:util';
import type postgres from 'postgres';
import * as audit from '../../src/lib/server/audit';
import { hashPassword } from '../../src/lib/server/auth/password';
import { setPassword } from '../../src/lib/server/auth/set-password';
import { forgiveAccount } from '../../src/lib/server/auth/throttle';
import * as users from '../../src/lib/server/auth/users';
import { refusePasswordArgument, readNewPassword } from './read-new-password';
import { runCli, withDatabase } from './run-cli';
import { UsageError } from './usage-error';

const USAGE =
	'Usage: npm run user:create -- --email EMAIL --role viewer|commissioner|rcc_admin --rcc RCC_ID ' +
	'[--la ONS_CODE] [--name NAME] [--rcc-name NAME] [--platform-admin]\n' +
	'   or: npm run user:create -- --email EMAIL --platform-admin [--name NAME]\nThe password is asked for, or read from standard input.';

function parse(argv: string[]) {
	refusePasswordArgument(argv);
	const { values } = parseArgs({
		args: argv,
		options: {
			email: { type: 'string' },
			role: { type: 'string' },
			rcc: { type: 'string' },
			la: { type: 'string' },
			name: { type: 'string' },
			'rcc-name': { type: 'string' },
			'platform-admin': { type: 'boolean' },
			help: { type: 'boolean' }
		},
		strict: true
	});
	if (values.help) throw new UsageError(USAGE);
	const email = values.email?.trim().toLowerCase();
	if (!email || !/^[^\s@]+@[^\s@]+$/.test(email))
		throw new UsageError(`--email is missing or not an email address.\n${USAGE}`);
	const platformAdmin = values['platform-admin'] ?? false;
	const grant = !platformAdmin || values.role !== undefined || values.rcc !== undefined;
	if (grant && !users.isRole(values.role))
		throw new UsageError(`--role must be viewer, commissioner or rcc_admin.\n${USAGE}`);
	if (grant && !values.rcc) throw new UsageError(`--rcc is missing.\n${USAGE}`);
	if (values.role === 'commissioner' && !values.la)
		throw new UsageError('A commissioner needs --la (the ONS code of their LA).');
	return {
		email,
		platformAdmin,
		role: grant && users.isRole(values.role) ? values.role : null,
		rccId: values.rcc?.trim().toLowerCase() ?? null,
		laCode: values.la?.trim().toUpperCase() ?? null,
		name: values.name?.trim() || email,
		rccName: values['rcc-name']?.trim() || null
	};
}

type Args = ReturnType<typeof parse>;

/** The RCC exists (or is created with --rcc-name) and a commissioner's LA is one of its members. */
async function checkGrant(
	tx: postgres.TransactionSql,
	args: Args & { role: NonNullable<Args['role']>; rccId: string }
): Promise<void> {
	const [rcc] = await tx<{ id: string }[]>`select id from rccs where id = ${args.rccId}`;
	if (!rcc) {
		if (!args.rccName) {
			const known = (await tx<{ id: string }[]>`select id from rccs order by id`).map((r) => r.id);
			throw new UsageError(
				`No RCC "${args.rccId}" (known: ${known.join(', ') || 'none'}). Add --rcc-name "..." to create it.`
			);
		}
		await tx`insert into rccs (id, name) values (${args.rccId}, ${args.rccName})`;
	}
	if (args.laCode) {
		const [la] = await tx`select code from las where code = ${args.laCode}`;
		if (!la) throw new UsageError(`No LA with the ONS code ${args.laCode}.`);
		if (args.role === 'commissioner') {
			const [member] =
				await tx`select 1 from rcc_members where rcc_id = ${args.rccId} and la_code = ${args.laCode}`;
			if (!member) throw new UsageError(`${args.laCode} is not a member LA of the RCC "${args.rccId}".`);
		}
	}
}

async function main(): Promise<void> {
	const args = parse(process.argv.slice(2));
	const password = await readNewPassword();
	await withDatabase(async (db) => {
		const passwordHash = await hashPassword(password);
		const outcome = await db.sql.begin(async (tx) => {
			if (args.role && args.rccId) await checkGrant(tx, { ...args, role: args.role, rccId: args.rccId });
			const existing = await users.byEmail(tx, args.email);
			const userId =
				existing?.id ??
				(await users.create(tx, { email: args.email, name: args.name, laCode: args.laCode, passwordHash }));
			let sessionsEnded = 0;
			if (existing) {
				({ sessionsEnded } = await setPassword(tx, existing.id, passwordHash));
				await forgiveAccount(tx, args.email);
			}
			const details = { via: 'command line', role: args.role };
			await audit.record(tx, {
				action: existing ? 'user.password_set' : 'user.created',
				subject: args.email,
				rccId: args.rccId,
				details
			});
			if (args.role && args.rccId) {
				await users.grantRole(tx, {
					userId,
					rccId: args.rccId,
					role: args.role,
					laCode: args.laCode,
					grantedBy: null
				});
				await audit.record(tx, { action: 'role.granted', subject: args.email, rccId: args.rccId, details });
			}
			if (args.platformAdmin) {
				await users.setPlatformAdmin(tx, userId, true);
				await audit.record(tx, {
					action: 'user.platform_admin',
					subject: args.email,
					details: { via: 'command line', platformAdmin: true }
				});
			}
			return existing
				? `updated, ${sessionsEnded} session${sessionsEnded === 1 ? '' : 's'} ended`
				: 'created';
		});
		const what = [
			args.role ? `${args.role} of ${args.rccId}${args.laCode ? ` (${args.laCode})` : ''}` : null,
			args.platformAdmin ? 'platform administrator' : null
		];
		console.log(`User ${args.email} ${outcome}: ${what.filter(Boolean).join(', ')}.`);
	});
}

runCli(main, { usage: USAGE, failure: 'Could not create the user:' });
