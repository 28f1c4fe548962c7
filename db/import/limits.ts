/**
 * The whole programme history is about 98 municipalities × 4 quarters a year (≈ 400 rows, 40 KB a
 * year), so these leave decades of room while keeping a parse in memory cheap.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 20_000;

/** Problems listed in a refusal; the rest are counted, so a broken file gets a short answer. */
export const MAX_LISTED_PROBLEMS = 100;
/** Lines named in one "appears more than once" problem. */
export const MAX_LISTED_LINES = 10;
/** Characters of a rejected cell repeated in a message: enough to find it, never the whole cell. */
export const MAX_ECHOED_CHARS = 80;
