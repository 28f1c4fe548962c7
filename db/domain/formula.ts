/**
 * Text that a spreadsheet may run as a formula when it opens a file (CSV injection): a cell that
 * starts with `=`, `+`, `-` or `@`, or with a tab or CR. Spreadsheets and their import dialogs
 * may skip leading blanks first, so " =1+1" or a no-break space before `=` counts as well (`\s`
 * covers spaces, tabs, line breaks, NBSP and the other Unicode blanks). The export and the import
 * share these rules, so whatever the export escapes, the import takes back as text.
 */

/** Starts like a formula: the export puts an apostrophe before it. */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/**
 * Would run as a formula: the import refuses it. A dash followed by a blank is a list item
 * ("- ring til kommunen"), not a negative number or a subtraction, so it is let through.
 */
const RUNS_AS_FORMULA = /^(?:[\t\r]|\s*(?:[=+@]|-\S))/;

/** The export's escape, which spreadsheets show as plain text: an apostrophe before such text. */
const ESCAPED_FORMULA = /^'(?=[\t\r]|\s*[=+\-@])/;

export const startsLikeFormula = (text: string): boolean => FORMULA_START.test(text);
export const runsAsFormula = (text: string): boolean => RUNS_AS_FORMULA.test(text);
export const isEscapedFormula = (text: string): boolean => ESCAPED_FORMULA.test(text);
