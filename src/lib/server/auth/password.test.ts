import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, verifyPassword } from './password';

/**
 * A stored hash made here with node:crypto directly, not by hashPassword: what verifyPassword must accept
 * (or refuse) is fixed independently of the code under test. Small N keeps it cheap.
 */
function storedHash(
	password: string,
	{ N = 1024, r = 1, p = 1, salt = 'salt-of-16-bytes', keyBytes = 32, prefix = 'scrypt' } = {}
): string {
	const key = scryptSync(password.normalize('NFKC'), Buffer.from(salt), keyBytes, {
		N,
		r,
		p,
		maxmem: 64 * 1024 * 1024
	});
	return [prefix, N, r, p, Buffer.from(salt).toString('base64url'), key.toString('base64url')].join('$');
}

// Each hash takes 32 MiB and about 0.1 s alone, seconds on a loaded machine (and in the mutation run).
describe('passwords', { timeout: 60_000 }, () => {
	it('verifies the password it hashed and rejects another', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
		expect(await verifyPassword('correct horse battery', hash)).toBe(true);
		expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
		expect(await verifyPassword('', hash)).toBe(false);
	});

	it('salts every hash', async () => {
		expect(await hashPassword('same')).not.toEqual(await hashPassword('same'));
	});

	it('never matches a malformed stored hash', async () => {
		for (const stored of [
			'',
			'plain',
			'scrypt$1$1$1$$',
			'bcrypt$a$b$c$d$e',
			'scrypt$99999999$8$1$c2FsdA$aGFzaA'
		]) {
			expect(await verifyPassword('plain', stored)).toBe(false);
		}
	});

	it('treats canonically equal Unicode spellings as the same password', async () => {
		const hash = await hashPassword('caf\u00e9');
		expect(await verifyPassword('cafe\u0301', hash)).toBe(true);
	});

	it('offers a dummy hash that no empty password matches', async () => {
		expect(await verifyPassword('', await dummyHash())).toBe(false);
	});

	it('hashes with N = 2^15, r = 8, p = 1 and a 32-byte key, as a hash made elsewhere checks', async () => {
		const hash = await hashPassword('correct horse battery');
		const [, , , , salt, key] = hash.split('$');
		expect(Buffer.from(salt, 'base64url')).toHaveLength(16);
		const expected = scryptSync('correct horse battery', Buffer.from(salt, 'base64url'), 32, {
			N: 2 ** 15,
			r: 8,
			p: 1,
			maxmem: 64 * 1024 * 1024
		});
		expect(key).toBe(expected.toString('base64url'));
	});

	it('verifies with the parameters stored in the hash, small ones included', async () => {
		expect(await verifyPassword('pw', storedHash('pw'))).toBe(true);
		expect(await verifyPassword('pw', storedHash('pw', { N: 2 ** 15, r: 8 }))).toBe(true);
		expect(await verifyPassword('pw', storedHash('pw', { keyBytes: 16 }))).toBe(true);
		expect(await verifyPassword('other', storedHash('pw'))).toBe(false);
	});

	it('refuses, without trying it, a hash of another kind, shape or size, even one that would match', async () => {
		const good = storedHash('pw');
		for (const stored of [
			`${good}$extra`,
			storedHash('pw', { prefix: 'xcrypt' }),
			storedHash('pw', { salt: '' }),
			storedHash('pw', { keyBytes: 15 }),
			good.replace('$1024$', '$1024.5$'),
			good.replace('$1$1$', '$1$0$'),
			good.replace('$1$1$', '$0$1$'),
			good.replace('$1024$', `$${2 ** 20 + 1}$`),
			good.replace('$1024$', '$-1024$')
		]) {
			expect(await verifyPassword('pw', stored), stored).toBe(false);
		}
	});
});
