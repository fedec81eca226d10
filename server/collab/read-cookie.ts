/** The value of one cookie in a `Cookie` request header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const equals = part.indexOf('=');
		if (equals < 0 || part.slice(0, equals).trim() !== name) continue;
		const value = part
			.slice(equals + 1)
			.trim()
			.replace(/^"(.*)"$/, '$1');
		try {
			return decodeURIComponent(value);
		} catch {
			return null;
		}
	}
	return null;
}
