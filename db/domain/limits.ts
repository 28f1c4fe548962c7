/**
 * Sizes the data may have, the same in the database's checks, the API's schemas and the forms.
 */

/** A note on a status, an agreement or a support activity. */
export const NOTE_MAX_CHARS = 2000;
/** The text of a reason ("other", "not assessed"). */
export const REASON_TEXT_MAX_CHARS = 500;
/** A count entered by hand: a quota, refugees waiting, volunteers missing, matches. */
export const COUNT_MAX = 100_000;
/** A password's shortest length: the server refuses shorter ones, the forms say so first. */
export const PASSWORD_MIN_CHARS = 10;
/** An uploaded history file (CSV or XLSX): decades of quarters fit in it (db/import/limits.ts). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** The largest id, offset or version a request may name: SQLite's INTEGER holds it exactly. */
export const MAX_INTEGER = 2_147_483_647;
