/**
 * A file as rows of text cells, each with the line it starts on (the header is normally line 1).
 * Both parsers build their rows here, so both apply the same bounds while they read.
 */
import { MAX_CELL_CHARS, MAX_COLUMNS } from './limits.ts';
import { problem, rejectImport } from './problems.ts';

export interface TableRow {
  line: number;
  cells: string[];
}

export type FileFormat = 'csv' | 'xlsx';

/**
 * The cells of one line, or null when every cell is empty (empty lines are skipped). Empty cells
 * right of MAX_COLUMNS are dropped, as spreadsheets write them into CSV files; a value there is refused.
 */
export function tableRow(line: number, cells: string[]): TableRow | null {
  const beyond = cells.findIndex((cell, index) => index >= MAX_COLUMNS && cell.trim() !== '');
  if (beyond !== -1) throw tooManyColumns(line, beyond + 1);
  const kept = cells.slice(0, MAX_COLUMNS).map(boundCell);
  return kept.some((cell) => cell.trim() !== '') ? { line, cells: kept } : null;
}

/** A cell cut to MAX_CELL_CHARS, blanks at its ends dropped first so they do not take the room. */
export function boundCell(cell: string): string {
  return cell.length <= MAX_CELL_CHARS ? cell : cell.trim().slice(0, MAX_CELL_CHARS);
}

export function tooManyColumns(line: number, column: number) {
  const last = columnLetters(MAX_COLUMNS);
  return rejectImport([
    problem(line, 'columns', `uses column ${columnLetters(column)}; a file may use at most ${MAX_COLUMNS} columns (A to ${last}); delete the columns right of ${last}`),
  ]);
}

/** 1 → "A", 27 → "AA", 16384 → "XFD": the column as a spreadsheet names it. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
