import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords hashed with scrypt from node:crypto (no native addon). The parameters are stored with each
 * hash, so they can be raised later without invalidating existing passwords. N = 2^15, r = 8 takes
 * 32 MiB and about 0.1 s per hash on the 2-core reference machine.
 */
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions, keyBytes: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		scrypt(password.normalize('NFKC'), salt, keyBytes, options, (error, key) =>
			error ? reject(error) : resolve(key)
		);
	});
}

function optionsFor(N: number, r: number, p: number): ScryptOptions {
	return { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const key = await derive(password, salt, optionsFor(COST, BLOCK_SIZE, PARALLELISM), KEY_BYTES);
	return [
		'scrypt',
		COST,
		BLOCK_SIZE,
		PARALLELISM,
		salt.toString('base64url'),
		key.toString('base64url')
	].join('$');
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [N, r, p] = parts.slice(1, 4).map(Number);
	if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
	const salt = Buffer.from(parts[4], 'base64url');
	const expected = Buffer.from(parts[5], 'base64url');
	if (salt.length === 0 || expected.length < 16) return false;
	const key = await derive(password, salt, optionsFor(N, r, p), expected.length);
	return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;

/**
 * A hash to verify against when the account does not exist, so that an unknown email takes as long as a
 * wrong password. Computed once per process (it protects nothing).
 */
export function dummyHash(): Promise<string> {
	dummy ??= hashPassword(randomBytes(12).toString('base64url'));
	return dummy;
}

export const MIN_PASSWORD_LENGTH = 10;
