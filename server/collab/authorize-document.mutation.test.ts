/**
 * createDocumentAuthorizer without a database: a stand-in for postgres.js's tagged template that answers
 * from two small tables, so the mutation run (docs/mutation.md) sees which RCC each document is looked
 * up in. The real queries run against Postgres in tests/integration/collab.test.ts.
 */
import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createDocumentAuthorizer } from './authorize-document';
import type { CollabUser } from './types';

const tables = {
	rccs: [{ id: 'gm' }, { id: 'se' }],
	plans: [
		{ id: 'gm-plan', rcc_id: 'gm' },
		{ id: 'se-plan', rcc_id: 'se' }
	]
};

function fakeSql(): { sql: postgres.Sql; queries: string[] } {
	const queries: string[] = [];
	const tag = (strings: TemplateStringsArray, ...values: unknown[]) => {
		const text = strings.join('?');
		queries.push(text);
		if (/from rccs where id = \?$/.test(text))
			return Promise.resolve(tables.rccs.filter((r) => r.id === values[0]));
		if (/from plans where id = \?$/.test(text)) {
			return Promise.resolve(
				tables.plans.filter((p) => p.id === values[0]).map((p) => ({ rcc_id: p.rcc_id }))
			);
		}
		return Promise.reject(new Error(`unexpected query: ${text}`));
	};
	return { sql: tag as unknown as postgres.Sql, queries };
}

const editor: CollabUser = { id: 1, name: 'Erin', la: null, roles: [{ rccId: 'gm', role: 'commissioner' }] };
const viewer: CollabUser = { id: 2, name: 'Vic', la: null, roles: [{ rccId: 'gm', role: 'viewer' }] };

describe('createDocumentAuthorizer', () => {
	it("answers for a map by its RCC's role", async () => {
		const { sql } = fakeSql();
		const authorize = createDocumentAuthorizer(sql);
		expect(await authorize(editor, { kind: 'map', rccId: 'gm' })).toBe('write');
		expect(await authorize(viewer, { kind: 'map', rccId: 'gm' })).toBe('read');
		expect(await authorize(editor, { kind: 'map', rccId: 'se' })).toBe('none');
	});

	it("answers for a plan by the role in the plan's RCC, not by its id", async () => {
		const { sql, queries } = fakeSql();
		const authorize = createDocumentAuthorizer(sql);
		expect(await authorize(editor, { kind: 'plan', planId: 'gm-plan' })).toBe('write');
		expect(await authorize(viewer, { kind: 'plan', planId: 'gm-plan' })).toBe('read');
		expect(await authorize(editor, { kind: 'plan', planId: 'se-plan' })).toBe('none');
		expect(queries.every((query) => query.includes('from plans'))).toBe(true);
	});

	it('answers not-found for a map or plan that does not exist, whoever asks', async () => {
		const { sql } = fakeSql();
		const authorize = createDocumentAuthorizer(sql);
		expect(await authorize(editor, { kind: 'map', rccId: 'nowhere' })).toBe('not-found');
		expect(await authorize(editor, { kind: 'plan', planId: 'no-plan' })).toBe('not-found');
		expect(await authorize(viewer, { kind: 'plan', planId: 'gm' })).toBe('not-found');
	});
});
