/**
 * The first worksheet of an XLSX workbook → rows of text, so CSV and XLSX share every later step.
 * The line of a row is its row number in the sheet, which is what the user sees in Excel.
 *
 * A workbook is a zip of XML parts, and a small one can describe an enormous sheet. So the parts
 * are unpacked within a budget first (unzip.ts), and the sheet is then read as a stream, row by
 * row, stopping at the row limit or at a value beyond the column limit; nothing is built for rows
 * that are never used.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError, invalid } from '../errors.ts';
import { MAX_BOOK_PART_BYTES, MAX_CELL_CHARS, MAX_COLUMNS, MAX_RICH_TEXT_RUNS, MAX_TABLE_ROWS, MAX_UNPACKED_BYTES } from './limits.ts';
import { problem, rejectImport } from './problems.ts';
import { storedZip } from './stored-zip.ts';
import { boundCell, columnLetters, tableRow, tooManyColumns, type TableRow } from './table.ts';
import { unzip, UnpackLimitError, type ZipEntry } from './unzip.ts';

const UNREADABLE = 'file: not a readable Excel workbook (.xlsx); save it again from Excel, or as "CSV UTF-8"';

/**
 * The parts exceljs's stream reader uses, in the order it needs them: given the relationships and
 * the shared strings before the sheets, it reads each sheet as it comes instead of parking it in a
 * temporary file. Pictures, themes and the like are never unpacked.
 */
const PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const LIMITS = {
  total: MAX_UNPACKED_BYTES,
  part: (name: string) => (name === SHARED_STRINGS || SHEET.test(name) ? MAX_UNPACKED_BYTES : PARTS.includes(name) ? MAX_BOOK_PART_BYTES : undefined),
};
const MB = 1024 * 1024;
const NO_SHARED_STRINGS = Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

/** What the stream reader knows once it has read xl/workbook.xml; exceljs's types leave it out. */
interface BookModel {
  model?: { sheets?: { id: number }[] };
}

/** Stops after `maxRows` non-empty rows, like parseCsv. */
export async function parseXlsx(bytes: Buffer, maxRows = MAX_TABLE_ROWS): Promise<TableRow[]> {
  const source = Readable.from(pieces(storedZip(unpackParts(bytes))));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  const texts = new CellTexts();
  try {
    for await (const sheet of reader) {
      const first = (reader as unknown as BookModel).model?.sheets?.[0];
      if (first && String((sheet as unknown as { id: unknown }).id) !== String(first.id)) continue;
      const rows: TableRow[] = [];
      for await (const row of sheet) {
        const tableLine = tableRow(row.number, texts.cellsOf(row));
        if (tableLine) rows.push(tableLine);
        if (rows.length >= maxRows) break;
      }
      return rows;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalid(UNREADABLE);
  } finally {
    source.destroy();
  }
  throw rejectImport([problem(1, 'file', 'the workbook has no worksheet')]);
}

function unpackParts(bytes: Buffer): ZipEntry[] {
  let parts: ZipEntry[];
  try {
    parts = unzip(bytes, LIMITS);
  } catch (error) {
    if (!(error instanceof UnpackLimitError)) throw invalid(UNREADABLE);
    if (error.part === null || LIMITS.part(error.part) === MAX_UNPACKED_BYTES) {
      throw invalid(`file: the workbook unpacks to more than ${MAX_UNPACKED_BYTES / MB} MB; remove other sheets and pictures, split it, or save it as "CSV UTF-8"`);
    }
    throw invalid(`file: the workbook's ${error.part} unpacks to more than ${MAX_BOOK_PART_BYTES / 1024} KB (too many styles or sheets); save it as "CSV UTF-8"`);
  }
  const part = (name: string) => parts.find((p) => p.name === name);
  if (!part('xl/workbook.xml') || !part('xl/_rels/workbook.xml.rels')) throw invalid(UNREADABLE);
  const strings = part(SHARED_STRINGS);
  if (strings && richTextRuns(strings.data) > MAX_RICH_TEXT_RUNS) {
    throw invalid(`file: the workbook has more than ${MAX_RICH_TEXT_RUNS} pieces of formatted text; clear the formatting of the cells or save it as "CSV UTF-8"`);
  }
  const sheets = parts.filter((p) => SHEET.test(p.name)).sort((a, b) => sheetNumber(a) - sheetNumber(b));
  return [...PARTS.flatMap((name) => part(name) ?? (name === SHARED_STRINGS ? [{ name, data: NO_SHARED_STRINGS }] : [])), ...sheets];
}

/** `<r>` elements: runs of text with their own format, which exceljs keeps as several objects each. */
function richTextRuns(xml: Buffer): number {
  let runs = 0;
  for (const start of ['<r>', '<r ']) {
    for (let at = xml.indexOf(start); at !== -1; at = xml.indexOf(start, at + 3)) runs++;
  }
  return runs;
}

const sheetNumber = (part: ZipEntry) => Number(SHEET.exec(part.name)![1]);

/**
 * The reader parses each piece it is given whole before it hands over a row, and spends time on
 * every row up to its rightmost cell. Small pieces let the column check below stop a hostile sheet
 * after a few hundred rows rather than after all of them.
 */
function* pieces(chunks: Buffer[]): Generator<Buffer> {
  const size = 16 * 1024;
  for (const chunk of chunks) for (let at = 0; at < chunk.length; at += size) yield chunk.subarray(at, at + size);
}

/**
 * Cell values → text. A shared string is one value however many cells show it, so its text is
 * worked out and cut once (a hostile workbook repeats one huge string in every row).
 */
class CellTexts {
  private readonly long = new Map<string, string>();
  private readonly rich = new WeakMap<object, string>();

  /**
   * The row's texts. A cell right of MAX_COLUMNS is refused even when it is empty (formatted only):
   * unlike an empty CSV cell, which costs the sender a byte, it costs the reader work for every
   * column up to it, so a sheet of such rows would keep the server busy for minutes.
   */
  cellsOf(row: ExcelJS.Row): string[] {
    if (row.cellCount > MAX_COLUMNS) throw tooManyColumns(row.number, row.cellCount);
    const cells: string[] = [];
    row.eachCell((cell, column) => {
      const value = cell.value;
      if (isFormula(value) && value.result === undefined) {
        throw rejectImport([
          problem(row.number, 'file', `cell ${columnLetters(column)}${row.number} holds a formula Excel has not calculated; open the file in Excel and save it again`),
        ]);
      }
      cells[column - 1] = this.textOf(isFormula(value) ? (value.result as ExcelJS.CellValue) : value);
    });
    return Array.from(cells, (text) => text ?? '');
  }

  private textOf(value: ExcelJS.CellValue): string {
    if (typeof value === 'object' && value !== null && 'richText' in value) {
      let text = this.rich.get(value);
      if (text === undefined) this.rich.set(value, (text = boundCell(value.richText.map((part) => part.text ?? '').join(''))));
      return text;
    }
    const text = cellText(value);
    if (text.length <= MAX_CELL_CHARS) return text;
    let cut = this.long.get(text);
    if (cut === undefined) this.long.set(text, (cut = boundCell(text)));
    return cut;
  }
}

/**
 * A formula cell: Excel stores the value it shows (the cached result) beside the formula. That
 * value is what the user sees and means; the formula itself is never run here.
 */
function isFormula(value: ExcelJS.CellValue): value is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/** A cell's value as Danish Excel shows it: a date as 12-03-2019. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const [year, month, day] = value.toISOString().slice(0, 10).split('-');
    return `${day}-${month}-${year}`;
  }
  if (typeof value !== 'object') return String(value);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
