/**
 * What VV Monitor sends by e-mail, and the links that mail carries. One list for the database,
 * the API and the pages.
 */

/** A reminder of a deadline, the summary that a quarter can be finalised, or an account link. */
export const MAIL_KINDS = ['reminder', 'summary', 'reset', 'invite'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * Why a reminder is sent. `deadline_soon` goes out REMINDER_DAYS before a quarter's deadline,
 * `deadline_today` on the day, `ready_to_finalise` to administrators once every municipality is
 * settled. `overdue` is shown in the app only: after the deadline nobody is mailed again.
 */
export const REMINDER_KINDS = ['deadline_soon', 'deadline_today', 'overdue', 'ready_to_finalise'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A single-use link that sets a password: "Glemt adgangskode", or an invitation to a new account. */
export const TOKEN_PURPOSES = ['reset', 'invite'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** How long a link stays usable: a reset link an hour, an invitation a week. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = { reset: 60 * 60 * 1000, invite: 7 * 24 * 60 * 60 * 1000 };

/** The page a link opens; the token follows after `#`, so it never reaches a server log or a Referer. */
export const TOKEN_PAGE = '/password';

/** The one refusal for a link that is unknown, spent, expired, or whose account is disabled. */
export const BAD_LINK = 'token: the link is invalid or has expired; ask for a new one';
