/**
 * LAs mentioned in a comment as "@Name" (e.g. "@Kent", "@Brighton and Hove"), matched against the RCC's
 * member LAs, longest name first so that "@West Sussex" is not read as a shorter name. Returns ONS codes
 * in order of first mention, each once.
 */
export function findMentions(text: string, las: { code: string; name: string }[]): string[] {
	const byLength = [...las].sort((a, b) => b.name.length - a.name.length);
	const found: string[] = [];
	const lower = text.toLowerCase();
	for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
		const rest = lower.slice(at + 1);
		const la = byLength.find((candidate) => {
			const name = candidate.name.toLowerCase();
			return rest.startsWith(name) && !/[a-z0-9]/.test(rest.charAt(name.length));
		});
		if (la && !found.includes(la.code)) found.push(la.code);
	}
	return found;
}
