/**
 * An uploaded file → typed rows and the problems found in them. Problems that make the rest of
 * the file unreadable (encoding, no header, too many rows) are thrown at once; row problems are
 * returned so plan.ts can add its own and report them all together.
 */
import { invalid, type RowProblem } from '../errors.ts';
import { decodeUtf8 } from './decode.ts';
import { mapHeader, type Field } from './headers.ts';
import { MAX_ROWS, MAX_TABLE_ROWS } from './limits.ts';
import { parseCsv } from './parse-csv.ts';
import { parseXlsx } from './parse-xlsx.ts';
import { problem, rejectImport } from './problems.ts';
import { readRows, type ImportRow } from './rows.ts';
import type { FileFormat } from './table.ts';

export interface ParsedImport {
  format: FileFormat;
  rows: ImportRow[];
  /** Fields the file has a column for; the others keep their current values. */
  fields: Set<Field>;
  ignoredColumns: string[];
  problems: RowProblem[];
}

/** `target`: the canonical quarter chosen for the whole file, or null for a history file. */
export async function readImport(bytes: Buffer, target: string | null): Promise<ParsedImport> {
  const format = detectFormat(bytes);
  // Both parsers skip empty lines and stop one row past the limit, which is enough to refuse the file.
  const lines = format === 'xlsx' ? await parseXlsx(bytes, MAX_TABLE_ROWS) : parseCsv(decodeUtf8(bytes), MAX_TABLE_ROWS);
  if (lines.length === 0) {
    throw rejectImport([problem(1, 'file', 'the file is empty; the first line must name the columns, e.g. kommunekode;kategori')]);
  }
  const [header, ...data] = lines;
  if (data.length === 0) throw rejectImport([problem(header.line, 'file', 'the file has a header line but no rows')]);
  if (data.length > MAX_ROWS) {
    throw rejectImport([problem(data[MAX_ROWS].line, 'file', `more than ${MAX_ROWS} rows; split the file, e.g. one file per year`)]);
  }
  const { columns, ignored } = mapHeader(header, target !== null);
  const { rows, problems } = readRows(data, header.cells.length, columns, target, format);
  return { format, rows, fields: new Set(Object.keys(columns) as Field[]), ignoredColumns: ignored, problems };
}

/** By content, not by name: a renamed file is still what it is. */
function detectFormat(bytes: Buffer): FileFormat {
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'xlsx';
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw invalid('file: this is an old Excel 97–2003 workbook (.xls); save it as .xlsx or as "CSV UTF-8"');
  }
  return 'csv';
}
