import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, verifyPassword } from './password';

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
});
