/**
 * One export row → its cells, shared by CSV and XLSX. The headers are the Danish ones the import
 * reads, and the values are words it understands, so an export re-imports unchanged.
 */
import { CATEGORY_WORD_DA, NOT_ASSESSED_DA } from '../domain/category.ts';
import { startsLikeFormula } from '../domain/formula.ts';
import { REASON_LABELS } from '../domain/reason.ts';
import type { ExportRow } from './rows.ts';

export const EXPORT_HEADER = [
  'kvartal',
  'kommunekode',
  'kommune',
  'region',
  'kategori',
  'kategori_tekst',
  'årsag',
  'årsagstekst',
  'note',
  'aftaler',
  '0-kvote',
  'ændret_af',
  'ændret',
] as const;

export type ExportCell = string | number;

/** The columns that hold text people typed, which may start like a formula. */
export const FREE_TEXT_COLUMNS: readonly number[] = ['årsagstekst', 'note', 'ændret_af'].map((name) => EXPORT_HEADER.indexOf(name as never));

/** The cells as they are, for the workbook, which marks formula-like text itself (xlsx.ts). */
export function plainCells(row: ExportRow): ExportCell[] {
  const category = !row.recorded ? '' : (row.category ?? NOT_ASSESSED_DA);
  return [
    row.quarter,
    row.code,
    row.name,
    row.regionName,
    category,
    !row.recorded ? '' : row.category === null ? NOT_ASSESSED_DA : CATEGORY_WORD_DA[row.category],
    row.reason ? REASON_LABELS[row.reason].da : '',
    row.reasonText ?? '',
    row.note ?? '',
    row.agreements.join(', '),
    row.zeroQuota ? 'ja' : 'nej',
    row.updatedBy ?? '',
    row.updatedAt ?? '',
  ];
}

/**
 * Free text typed by users could start like a formula ("=HYPERLINK(…)", also after blanks) and run
 * when a CSV file is opened. An apostrophe makes spreadsheets show it as text; the import removes
 * it again (db/domain/formula.ts holds the rules of both sides). A workbook marks such cells
 * "quote prefix" instead (xlsx.ts), which Excel shows without the apostrophe.
 */
export function exportCells(row: ExportRow): ExportCell[] {
  return plainCells(row).map((cell, column) =>
    FREE_TEXT_COLUMNS.includes(column) && typeof cell === 'string' && startsLikeFormula(cell) ? `'${cell}` : cell,
  );
}
