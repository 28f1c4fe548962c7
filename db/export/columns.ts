/**
 * One export row → its cells, shared by CSV and XLSX. The headers are the Danish ones the import
 * reads, and the values are words it understands, so an export re-imports unchanged.
 */
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

const CATEGORY_TEXT = { 1: 'grøn', 2: 'gul', 3: 'rød' } as const;
const NOT_ASSESSED = 'ikke vurderet';

export function exportCells(row: ExportRow): ExportCell[] {
  return [
    row.quarter,
    row.code,
    row.name,
    row.regionName,
    row.category ?? NOT_ASSESSED,
    row.category === null ? NOT_ASSESSED : CATEGORY_TEXT[row.category],
    row.reason ? REASON_LABELS[row.reason].da : '',
    asText(row.reasonText),
    asText(row.note),
    row.agreements.join(', '),
    row.zeroQuota ? 'ja' : 'nej',
    asText(row.updatedBy),
    row.updatedAt ?? '',
  ];
}

/**
 * Free text typed by users could start like a formula ("=HYPERLINK(…)", also after blanks) and run
 * when the file is opened. An apostrophe makes spreadsheets show it as text; the import removes it
 * again (db/domain/formula.ts holds the rules of both sides).
 */
function asText(value: string | null): string {
  if (value === null) return '';
  return startsLikeFormula(value) ? `'${value}` : value;
}
