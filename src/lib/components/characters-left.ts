/** GOV.UK's wording: "You have 12 characters remaining", "You have 1 character too many". */
export function charactersLeftMessage(length: number, maxlength: number): string {
	const left = maxlength - length;
	const count = Math.abs(left);
	const noun = count === 1 ? 'character' : 'characters';
	return left >= 0
		? `You have ${count.toLocaleString('en-GB')} ${noun} remaining`
		: `You have ${count.toLocaleString('en-GB')} ${noun} too many`;
}
