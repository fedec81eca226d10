const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** Straight-line miles (the DfE measure) to one decimal place: "34.5 miles", "1.0 mile". */
export function formatMiles(miles: number): string {
	const text = oneDecimal.format(miles);
	return `${text} ${text === '1.0' ? 'mile' : 'miles'}`;
}
