/**
 * An import is all or nothing: every problem is collected with the file line it sits on, and one
 * error carries them, so the user can fix the whole file in one round. A file that is wrong on
 * every line would make that answer huge, so only the first problems are listed and the rest counted.
 */
import { invalid, type DomainError, type RowProblem } from '../errors.ts';
import { MAX_ECHOED_CHARS, MAX_LISTED_PROBLEMS } from './limits.ts';

export function problem(row: number, field: string, message: string, code?: string): RowProblem {
  return code === undefined ? { row, field, message } : { row, code, field, message };
}

/**
 * `errors` lists the first MAX_LISTED_PROBLEMS problems, then one line "and N more…" at the line
 * where the unlisted ones begin; `errorCount` is the number of all of them.
 */
export function rejectImport(problems: RowProblem[]): DomainError {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const lines = new Set(sorted.map((e) => e.row)).size;
  const summary =
    sorted.length === 1 ? `line ${sorted[0].row}, ${sorted[0].field}: ${sorted[0].message}` : `${lines === 1 ? 'one line has' : `${lines} lines have`} errors`;
  const errors = sorted.slice(0, MAX_LISTED_PROBLEMS);
  const unlisted = sorted.length - errors.length;
  if (unlisted > 0) {
    errors.push(problem(sorted[MAX_LISTED_PROBLEMS].row, 'file', `and ${unlisted} more problems from this line on; fix the ones above and upload the file again`));
  }
  return invalid(`${summary}; nothing was imported`, { errors, errorCount: sorted.length });
}

/** A cell as a message shows it: quoted, and cut after MAX_ECHOED_CHARS characters. */
export function echo(value: string): string {
  return JSON.stringify(shorten(value));
}

/** At most MAX_ECHOED_CHARS characters of a value, "…" marking a cut. */
export function shorten(value: string): string {
  if (value.length <= MAX_ECHOED_CHARS) return value;
  // Not between the two halves of a surrogate pair, which would leave half a character.
  const end = /[\uD800-\uDBFF]/.test(value[MAX_ECHOED_CHARS - 1]) ? MAX_ECHOED_CHARS - 1 : MAX_ECHOED_CHARS;
  return `${value.slice(0, end)}…`;
}
