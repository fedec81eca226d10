/**
 * `npm run user:password -- --email a@b.org`
 * Sets a new password for an existing account (someone forgot theirs, or it may be known to someone
 * else): every session of the account ends, and so does any delay that failed sign-ins put on it. The
 * password is read from a prompt, or from standard input when it is not a terminal.
 */
import { parseArgs } from 'node:util';
import * as audit from '../../src/lib/server/audit';
import { hashPassword } from '../../src/lib/server/auth/password';
import { setPassword } from '../../src/lib/server/auth/set-password';
import { normaliseEmail } from '../../src/lib/server/auth/sign-in';
import { forgiveAccount } from '../../src/lib/server/auth/throttle';
import * as users from '../../src/lib/server/auth/users';
import { readNewPassword, refusePasswordArgument } from './read-new-password';
import { runCli, withDatabase } from './run-cli';
import { UsageError } from './usage-error';

const USAGE =
	'Usage: npm run user:password -- --email EMAIL\nThe new password is asked for, or read from standard input.';

function parse(argv: string[]): { email: string } {
	refusePasswordArgument(argv);
	const { values } = parseArgs({
		args: argv,
		options: { email: { type: 'string' }, help: { type: 'boolean' } },
		strict: true
	});
	if (values.help) throw new UsageError(USAGE);
	if (!values.email?.trim()) throw new UsageError(`--email is missing.\n${USAGE}`);
	return { email: normaliseEmail(values.email) };
}

async function main(): Promise<void> {
	const { email } = parse(process.argv.slice(2));
	const password = await readNewPassword();
	await withDatabase(async (db) => {
		const passwordHash = await hashPassword(password);
		const sessionsEnded = await db.sql.begin(async (tx) => {
			const user = await users.byEmail(tx, email);
			if (!user) throw new UsageError(`There is no account with the email ${email}.`);
			const { sessionsEnded } = await setPassword(tx, user.id, passwordHash);
			await forgiveAccount(tx, email);
			await audit.record(tx, {
				action: 'user.password_set',
				subject: email,
				details: { via: 'command line', sessionsEnded }
			});
			return sessionsEnded;
		});
		console.log(
			`Password of ${email} set; ${sessionsEnded} session${sessionsEnded === 1 ? '' : 's'} ended.` +
				(sessionsEnded > 0 ? ' They sign in again with the new password.' : '')
		);
	});
}

runCli(main, { usage: USAGE, failure: 'Could not set the password:' });
