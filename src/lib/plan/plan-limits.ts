/**
 * Lengths the server refuses beyond (create-plan.server.ts, the snapshots endpoint), shared with the
 * forms' character counts so that a field says its limit before anyone reaches it.
 */
export const MAX_TITLE_LENGTH = 200;
export const MAX_PERIOD_LENGTH = 40;
export const MAX_VERSION_NAME_LENGTH = 120;
/** Comment and reply text (transact.ts). */
export const MAX_COMMENT_LENGTH = 2000;
/** An action plan row's text fields: action, lead (transact.ts). */
export const MAX_ACTION_FIELD_LENGTH = 2000;
