/**
 * The whole programme history is about 98 municipalities × 4 quarters a year (≈ 400 rows, 40 KB a
 * year), so these leave decades of room while keeping a parse in memory cheap.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 20_000;
