import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions';

const las = [
	{ code: 'K', name: 'Kent' },
	{ code: 'S', name: 'Sussex' },
	{ code: 'WS', name: 'West Sussex' },
	{ code: 'BH', name: 'Brighton and Hove' }
];

describe('findMentions', () => {
	it('finds LAs named after @, longest name first, each once, in order', () => {
		expect(findMentions('@West Sussex and @kent, please check; @Kent again', las)).toEqual(['WS', 'K']);
		expect(findMentions('Over to @Brighton and Hove.', las)).toEqual(['BH']);
	});

	it('ignores names that only begin a longer word, and text without @', () => {
		expect(findMentions('@Kentish town', las)).toEqual([]);
		expect(findMentions('Kent and Sussex', las)).toEqual([]);
		expect(findMentions('email@example.org', las)).toEqual([]);
	});
});
