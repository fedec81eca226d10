/**
 * The body of an API answer as JSON, or an Error carrying the server's own message (every endpoint
 * answers `{ message }` on failure, src/lib/server/responses.ts), for the page to show as it is.
 */
export async function readJson<T>(response: Response): Promise<T> {
	if (!response.ok) {
		const body = (await response.json().catch(() => null)) as { message?: string } | null;
		throw new Error(body?.message ?? `The server answered ${response.status}.`);
	}
	return (await response.json()) as T;
}
