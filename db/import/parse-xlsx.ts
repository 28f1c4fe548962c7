/**
 * The first worksheet of an XLSX workbook → rows of text, so CSV and XLSX share every later step.
 * The line of a row is its row number in the sheet, which is what the user sees in Excel.
 */
import ExcelJS from 'exceljs';
import { invalid } from '../errors.ts';
import { problem, rejectImport } from './problems.ts';
import type { TableRow } from './table.ts';

export async function parseXlsx(bytes: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as never);
  } catch {
    throw invalid('file: not a readable Excel workbook (.xlsx); save it again from Excel, or as "CSV UTF-8"');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw rejectImport([problem(1, 'file', 'the workbook has no worksheet')]);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push({ line, cells: Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellText(values[i + 1])) });
  });
  return rows;
}

/**
 * A formula comes back as "=" + its text, never as its cached result, so the formula check of
 * rows.ts refuses it like a formula typed into a CSV file.
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('sharedFormula' in value) return `=${value.formula ?? value.sharedFormula}`;
  if ('formula' in value) return `=${value.formula}`;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
