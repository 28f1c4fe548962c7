/**
 * An import is all or nothing: every problem is collected with the file line it sits on, and one
 * error carries them all, so the user can fix the whole file in one round.
 */
import { invalid, type DomainError, type RowProblem } from '../errors.ts';

export function problem(row: number, field: string, message: string, code?: string): RowProblem {
  return code === undefined ? { row, field, message } : { row, code, field, message };
}

export function rejectImport(problems: RowProblem[]): DomainError {
  const errors = [...problems].sort((a, b) => a.row - b.row);
  const lines = new Set(errors.map((e) => e.row)).size;
  const summary =
    errors.length === 1 ? `line ${errors[0].row}, ${errors[0].field}: ${errors[0].message}` : `${lines === 1 ? 'one line has' : `${lines} lines have`} errors`;
  return invalid(`${summary}; nothing was imported`, { errors });
}
