import { describe, expect, it } from 'vitest';
import { charactersLeftMessage } from './characters-left';

describe('charactersLeftMessage', () => {
	it('counts what is left, in GOV.UK words', () => {
		expect(charactersLeftMessage(0, 2000)).toBe('You have 2,000 characters remaining');
		expect(charactersLeftMessage(199, 200)).toBe('You have 1 character remaining');
		expect(charactersLeftMessage(200, 200)).toBe('You have 0 characters remaining');
		expect(charactersLeftMessage(202, 200)).toBe('You have 2 characters too many');
	});
});
