import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LIB = resolve(import.meta.dirname);
const SOURCE = /\.(ts|svelte)$/;

function sourceFiles(directory: string): string[] {
	return readdirSync(directory).flatMap((name) => {
		const path = join(directory, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return SOURCE.test(name) && !/\.(test|spec)\.ts$/.test(name) ? [path] : [];
	});
}

/** The file a specifier names inside src/lib, as Vite resolves it; null for packages and the rest. */
function resolveImport(from: string, specifier: string): string | null {
	const base = specifier.startsWith('$lib/')
		? join(LIB, specifier.slice('$lib/'.length))
		: specifier.startsWith('.')
			? resolve(dirname(from), specifier)
			: null;
	if (!base) return null;
	const bare = base.replace(/\.js$/, '');
	const candidates = [base, `${bare}.ts`, `${bare}.svelte.ts`, join(base, 'index.ts')];
	const found = candidates.find((path) => SOURCE.test(path) && existsSync(path));
	return found && found.startsWith(LIB) ? found : null;
}

/** Every import, export-from and dynamic import, type-only ones included: they tie modules as firmly. */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const code = file.endsWith('.svelte')
		? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n')
		: text;
	return ts
		.preProcessFile(code, true, true)
		.importedFiles.map((imported) => resolveImport(file, imported.fileName))
		.filter((path): path is string => path !== null);
}

/** Import cycles, as lists of files each importing the next (and the last the first). */
function importCycles(graph: Map<string, string[]>): string[][] {
	const cycles: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)));
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return cycles;
}

describe('imports in src/lib', () => {
	it('finds a cycle when there is one', () => {
		const graph = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a', 'd']],
			['d', []]
		]);
		expect(importCycles(graph)).toEqual([['a', 'b', 'c']]);
		expect(
			importCycles(
				new Map([
					['a', ['b']],
					['b', []]
				])
			)
		).toEqual([]);
	});

	it('point one way: no module imports itself through others', () => {
		const graph = new Map(sourceFiles(LIB).map((file) => [file, importsOf(file)]));
		// The graph really is read: the analysis entry point imports its parts.
		expect(graph.get(join(LIB, 'domain/analysis/index.ts'))?.length).toBeGreaterThan(3);
		const cycles = importCycles(graph).map((cycle) => cycle.map((file) => relative(LIB, file)).join(' → '));
		expect(cycles).toEqual([]);
	});
});
