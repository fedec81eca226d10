import type { ImportProblem } from './import-problem';

const NO_STORE = { 'cache-control': 'no-store' };

/** Answers of the import API: they depend on who asks, so never cached. */
export function importJson(body: unknown, status = 200): Response {
	return Response.json(body, { status, headers: NO_STORE });
}

export function importRefused(message: string, status = 403): Response {
	return importJson({ message }, status);
}

export function importProblems(problems: ImportProblem[]): Response {
	return importJson({ message: 'The file has problems; nothing was written.', problems }, 422);
}
