/**
 * A value as a CSV cell that spreadsheets read as text: quoted when it holds a comma, quote or line
 * break, and prefixed with ' when it starts like a formula (=, +, -, @, tab, carriage return), which
 * Excel and others would otherwise run (OWASP "CSV injection"). Numbers pass as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return String(value);
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
