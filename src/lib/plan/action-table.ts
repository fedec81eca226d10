import { RAG_STATUSES, actionLinkText, type ActionField, type ActionRow, type RagStatus } from './schema';

export interface ActionView {
	/** null: the document's order (rows do not jump while someone edits their dates). */
	sortBy: ActionField | null;
	descending: boolean;
	/** Empty: every row. */
	status: RagStatus | '';
	ownerLa: string;
	/** Words to find in the action, lead, link label or linked-gap note, case-insensitive. */
	text: string;
}

export const DEFAULT_VIEW: ActionView = {
	sortBy: null,
	descending: false,
	status: '',
	ownerLa: '',
	text: ''
};

/** Status sorts by urgency (red first), not alphabetically. */
const STATUS_ORDER: Record<RagStatus, number> = { red: 0, amber: 1, not_started: 2, green: 3, done: 4 };

/** Rows without a date, or without a link, go last whatever the direction of the other rows. */
function blank(row: ActionRow, field: ActionField): boolean {
	if (field === 'dueDate') return !row.dueDate;
	if (field === 'linkedGap') return !actionLinkText(row);
	return false;
}

function compare(
	a: ActionRow,
	b: ActionRow,
	field: ActionField,
	ownerName: (code: string) => string
): number {
	if (blank(a, field) || blank(b, field)) return Number(blank(a, field)) - Number(blank(b, field));
	if (field === 'status') return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
	if (field === 'dueDate') return a.dueDate.localeCompare(b.dueDate);
	const shown = (row: ActionRow) =>
		field === 'ownerLa' ? ownerName(row.ownerLa) : field === 'linkedGap' ? actionLinkText(row) : row[field];
	const left = shown(a);
	const right = shown(b);
	return left.localeCompare(right, 'en-GB', { sensitivity: 'base', numeric: true });
}

/** The rows a table shows: filtered, then sorted (stable: ties keep the document's order). */
export function viewActions(
	rows: ActionRow[],
	view: ActionView,
	laNames: Record<string, string> = {}
): ActionRow[] {
	const words = view.text.trim().toLowerCase();
	const ownerName = (code: string) => laNames[code] ?? code;
	const kept = rows.filter(
		(row) =>
			(!view.status || row.status === view.status) &&
			(!view.ownerLa || row.ownerLa === view.ownerLa) &&
			(!words ||
				[row.action, row.lead, row.link?.label ?? '', row.linkedGap].some((value) =>
					value.toLowerCase().includes(words)
				))
	);
	const sortBy = view.sortBy;
	if (sortBy === null) return kept;
	const sign = view.descending ? -1 : 1;
	return kept
		.map((row, index) => ({ row, index }))
		.sort((a, b) => {
			const empty = blank(a.row, sortBy) || blank(b.row, sortBy);
			const order = compare(a.row, b.row, sortBy, ownerName);
			return (empty ? order : sign * order) || a.index - b.index;
		})
		.map(({ row }) => row);
}

export { RAG_STATUSES };
