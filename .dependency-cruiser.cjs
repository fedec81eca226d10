/**
 * The import graph's rules, checked by `npm run lint` (dependency-cruiser): no cycles, and the
 * dependency rule of the README's architecture: `domain` <- `collab` <- `map` <- components and routes;
 * `domain` <- `lib/server` <- routes, hooks and `server/`. Nothing points the other way.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'Modules that import each other cannot be understood, tested or split apart alone.',
			from: {},
			to: { circular: true }
		},
		{
			name: 'domain-imports-no-app-code',
			severity: 'error',
			comment: 'The analysis runs in a Web Worker and on the server alike: pure TypeScript only.',
			from: { path: '^src/lib/domain/', pathNot: '\\.test\\.ts$' },
			to: { path: '^(src/(lib/(?!domain/)|routes/)|server/)' }
		},
		{
			name: 'collab-above-domain-only',
			severity: 'error',
			comment:
				"The plan's field limits (plan-limits.ts, constants only) are the one thing collab may read of the " +
				'plan: its close notice names the limit the server held a document to.',
			from: { path: '^src/lib/collab/', pathNot: '\\.test\\.ts$' },
			to: {
				path: '^(src/(lib/(map|components|server|plan|workshop)/|routes/)|server/)',
				pathNot: '^src/lib/plan/plan-limits\\.ts$'
			}
		},
		{
			name: 'map-below-components',
			severity: 'error',
			from: { path: '^src/lib/map/', pathNot: '\\.test\\.ts$' },
			to: { path: '^(src/(lib/(components|server)/|routes/)|server/)' }
		},
		{
			name: 'lib-server-not-in-the-browser',
			severity: 'error',
			comment:
				'Server code (the database, sessions) must never be bundled for the browser; the shapes of the ' +
				'answers it sends (type-only imports, erased at build) may be shared.',
			from: { path: '^src/lib/(?!server/)', pathNot: ['\\.test\\.ts$', '\\.server\\.ts$', '/server/'] },
			to: { path: '^(src/lib/server/|server/)', dependencyTypesNot: ['type-only'] }
		},
		{
			name: 'lib-server-above-routes',
			severity: 'error',
			from: { path: '^(src/lib/server/|server/)' },
			to: { path: '^src/routes/' }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '(^|/)\\.svelte-kit/' },
		tsPreCompilationDeps: true,
		// SvelteKit's `$lib` alias without the generated .svelte-kit/tsconfig.json (lint may run first).
		tsConfig: { fileName: 'tsconfig.depcruise.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			extensions: ['.ts', '.js', '.svelte', '.svelte.ts', '.json']
		}
	}
};
