/**
 * The whole programme history is about 98 municipalities × 4 quarters a year (≈ 400 rows, 40 KB a
 * year), so these leave decades of room while keeping a parse in memory cheap.
 *
 * Every other bound keeps a small hostile file from costing the server more than a large honest
 * one: the work and the answer grow with the limits below, never with what the file claims.
 */
// The upload form checks the same size before sending, so it lives with the other shared limits.
export { MAX_FILE_BYTES } from '../domain/limits.ts';
export const MAX_ROWS = 20_000;
/** Non-empty rows a parser keeps at most: the header, MAX_ROWS rows and one more to show the file is too long. */
export const MAX_TABLE_ROWS = MAX_ROWS + 2;

/**
 * The import reads 7 fields and an export has 13 columns. A value far to the right (XFD is column
 * 16,384) would otherwise make every row that wide.
 */
export const MAX_COLUMNS = 50;

/**
 * What the parts of an XLSX file that are read may unpack to. A 20,000-row export unpacks to about
 * 13 MB; a few hundred kilobytes of deflated zeros unpack to gigabytes.
 */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
/**
 * What the workbook's index, its relationships and its styles may unpack to each. They are a few
 * kilobytes in a real workbook, and exceljs turns each of their bytes into up to 60 bytes of objects.
 */
export const MAX_BOOK_PART_BYTES = 512 * 1024;
/**
 * Pieces of formatted text ("rich text" runs: a word in bold inside a cell) in the shared strings.
 * exceljs keeps each as several objects, some 300 bytes, from as little as 15 bytes of XML.
 */
export const MAX_RICH_TEXT_RUNS = 20_000;

/** Problems listed in a refusal; the rest are counted, so a broken file gets a short answer. */
export const MAX_LISTED_PROBLEMS = 100;
/** Lines named in one "appears more than once" problem. */
export const MAX_LISTED_LINES = 10;
/** Characters of a rejected cell repeated in a message: enough to find it, never the whole cell. */
export const MAX_ECHOED_CHARS = 80;
/**
 * Characters of a cell that are read: one more than the longest text field (a note, 2,000), so a
 * longer cell is still refused, while a huge cell that a workbook repeats in every row (a shared
 * string) is looked at once rather than once per row.
 */
export const MAX_CELL_CHARS = 2_001;
