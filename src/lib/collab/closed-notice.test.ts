import { describe, expect, it } from 'vitest';
import { closedNotice } from './closed-notice';
import { CloseCode } from './protocol';

describe('closedNotice', () => {
	it('offers signing in again only when the session ended', () => {
		expect(closedNotice(CloseCode.sessionEnded, 'session ended')).toMatchObject({
			title: 'You have been signed out',
			signIn: true
		});
		expect(closedNotice(CloseCode.accessWithdrawn, 'access withdrawn')).toMatchObject({
			title: 'You no longer have access to this document',
			signIn: false
		});
	});

	it('says an oversize change was not saved', () => {
		const notice = closedNotice(CloseCode.documentTooLarge, 'document too large');
		expect(notice.title).toBe('Your latest changes were not saved');
		expect(notice.body).toMatch(/larger than the server accepts/);
	});

	it('says a change with an overlong comment or cell was not saved, and the limit', () => {
		const notice = closedNotice(CloseCode.fieldTooLong, 'field too long');
		expect(notice).toMatchObject({ title: 'Your latest changes were not saved', signIn: false });
		expect(notice.body).toMatch(/longer than the server accepts \(2,000 characters\)/);
	});

	it('names the reason of any other close', () => {
		expect(closedNotice(4499, 'maintenance').body).toMatch(/\(maintenance\)/);
		expect(closedNotice(null, null).body).toMatch(/code unknown/);
	});
});
