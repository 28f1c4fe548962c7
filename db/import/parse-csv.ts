/**
 * CSV text → rows. Danish Excel writes `;`, other tools `,`: the header line decides, since column
 * names never contain either. A quote inside an unquoted cell (Anne "Nana" Hansen) is taken as
 * text, as Excel does, rather than refusing a hand-edited file.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../errors.ts';
import { MAX_TABLE_ROWS } from './limits.ts';
import { problem, rejectImport } from './problems.ts';
import { tableRow, type TableRow } from './table.ts';

/** Thrown from inside csv-parse to stop it: the rows read so far are all that is needed. */
const ENOUGH = Symbol('enough rows');

/**
 * Stops after `maxRows` non-empty rows, so a long file is not read to its end only to be refused.
 * A row's `line` is the row a spreadsheet shows it in: a line break inside a quoted cell stays in
 * its cell there, so it does not move the rows after it (an empty line is an empty row).
 */
export function parseCsv(text: string, maxRows = MAX_TABLE_ROWS): TableRow[] {
  // One kind of line break, so mixed endings split alike and csv-parse counts lines right.
  const lines = text.replace(/\r\n?/g, '\n');
  const rows: TableRow[] = [];
  // The line the last complete record ended on, and the line breaks inside cells up to it.
  let parsedThrough = 0;
  let breaksInCells = 0;
  try {
    parse(lines, {
      delimiter: detectDelimiter(lines),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (cells: string[], { lines: end }) => {
        parsedThrough = end;
        const breaks = cells.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
        // The record starts `breaks` lines before it ends; earlier records' breaks were no rows.
        const row = tableRow(end - breaks - breaksInCells, cells);
        breaksInCells += breaks;
        if (row) rows.push(row);
        if (rows.length >= maxRows) throw ENOUGH;
        // Kept here rather than by csv-parse, which would hold every record until the end.
        return null;
      },
    });
    return rows;
  } catch (error) {
    if (error === ENOUGH) return rows;
    if (error instanceof DomainError || !(error instanceof CsvError)) throw error;
    // csv-parse names the line it stopped on; the broken record began after the last good one.
    const line = (lines.split('\n').findIndex((text, index) => index >= parsedThrough && text.trim() !== '') + 1 || parsedThrough + 1) - breaksInCells;
    throw rejectImport([problem(line, 'file', `cannot read the CSV from this line on: ${error.message.replace(/ at line \d+.*$/, '')}`)]);
  }
}

export function detectDelimiter(text: string): ';' | ',' {
  const header = text.split('\n').find((line) => line.trim() !== '') ?? '';
  const count = (separator: string) => header.split(separator).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}
