/** A mistake in how a command was called: its message is printed alone, without a stack. */
export class UsageError extends Error {}
