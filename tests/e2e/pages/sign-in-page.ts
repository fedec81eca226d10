import type { Locator, Page } from '@playwright/test';

/** The sign-in form at /login, driven by its labels. */
export class SignInPage {
	readonly heading: Locator;
	readonly email: Locator;
	readonly password: Locator;
	readonly submit: Locator;
	readonly errorSummary: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { name: 'Sign in to Close to Home' });
		this.email = page.getByLabel('Email address');
		this.password = page.getByLabel('Password', { exact: true });
		this.submit = page.getByRole('button', { name: 'Sign in' });
		this.errorSummary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
	}

	async goto(redirectTo?: string) {
		await this.page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login');
	}

	async signIn(email: string, password: string) {
		await this.email.fill(email);
		await this.password.fill(password);
		// Wait for the form's answer: an error summary from the previous attempt is still on screen until then.
		const answered = this.page.waitForResponse((response) => response.request().method() === 'POST');
		await this.submit.click();
		await answered;
		await this.page.waitForLoadState('load');
	}

	/** Signs out through the header's link and the confirmation form, as a person would. */
	async signOut() {
		await this.page
			.getByRole('navigation', { name: 'Account' })
			.getByRole('link', { name: 'Sign out' })
			.click();
		await this.page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
	}
}
