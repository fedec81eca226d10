import readline from 'node:readline';
import { MIN_PASSWORD_LENGTH } from '../../src/lib/server/auth/password';
import { UsageError } from './usage-error';

/** A password on the command line lands in shell history and process lists: refused outright. */
export function refusePasswordArgument(argv: string[]): void {
	if (argv.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
		throw new UsageError(
			'Never pass a password on the command line: it is asked for, or read from standard input.'
		);
	}
}

function ask(question: string): Promise<string> {
	return new Promise((resolve) => {
		const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		// Echo nothing of what is typed.
		(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
			if (s.startsWith(question)) process.stdout.write(question);
		};
		rl.question(question, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
	});
}

/** From a prompt (asked twice), or the first line of standard input when it is not a terminal. */
export async function readNewPassword(): Promise<string> {
	let password: string;
	if (!process.stdin.isTTY) {
		const chunks: Buffer[] = [];
		for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
		password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
	} else {
		password = await ask('Password: ');
		if ((await ask('Same password again: ')) !== password) throw new UsageError('The two passwords differ.');
	}
	if (password.length < MIN_PASSWORD_LENGTH) {
		throw new UsageError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
	}
	return password;
}
