/**
 * CSV text → rows. Danish Excel writes `;`, other tools `,`: the header line decides, since column
 * names never contain either. A quote inside an unquoted cell (Anne "Nana" Hansen) is taken as
 * text, as Excel does, rather than refusing a hand-edited file.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { problem, rejectImport } from './problems.ts';
import type { TableRow } from './table.ts';

export function parseCsv(text: string): TableRow[] {
  // One kind of line break, so mixed endings split alike and csv-parse counts lines right.
  const lines = text.replace(/\r\n?/g, '\n');
  // Where each record ends; a quoted cell may span several lines, so it starts earlier.
  const ends: number[] = [];
  try {
    const records = parse(lines, {
      delimiter: detectDelimiter(lines),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record, { lines: end }) => {
        ends.push(end);
        return record;
      },
    });
    return records.map((cells, i) => ({ line: ends[i] - cells.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0), cells }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse names the line it stopped on; the broken record began after the last good one.
    const parsedThrough = ends.at(-1) ?? 0;
    const line = lines.split('\n').findIndex((text, index) => index >= parsedThrough && text.trim() !== '') + 1 || parsedThrough + 1;
    throw rejectImport([problem(line, 'file', `cannot read the CSV from this line on: ${error.message.replace(/ at line \d+.*$/, '')}`)]);
  }
}

export function detectDelimiter(text: string): ';' | ',' {
  const header = text.split('\n').find((line) => line.trim() !== '') ?? '';
  const count = (separator: string) => header.split(separator).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}
