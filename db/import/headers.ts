/**
 * The header line → which column holds which field. People type headers by hand, in Danish or
 * English, with or without accents ("Årsag", "aarsag", "reason"), so they are compared folded.
 */
import { DANISH_HEADER, IMPORT_FIELDS as FIELDS, type Field } from '../domain/import-columns.ts';
import type { RowProblem } from '../errors.ts';
import { problem, rejectImport, shorten } from './problems.ts';
import type { TableRow } from './table.ts';

export { DANISH_HEADER, type Field };

/** Folded spellings (see foldText) of each field's header. */
const HEADERS: Record<Field, readonly string[]> = {
  code: ['kommunekode', 'kode', 'komkode', 'kommunenr', 'kommunenummer', 'code', 'municipalitycode'],
  name: ['kommune', 'navn', 'kommunenavn', 'komnavn', 'name', 'municipality', 'municipalityname'],
  quarter: ['kvartal', 'kvt', 'quarter'],
  category: ['kategori', 'category'],
  // The export's Danish word beside the number: the column a person naturally edits.
  categoryText: ['kategoritekst', 'categorytext'],
  reason: ['arsag', 'arsagskode', 'reason', 'reasoncode'],
  reasonText: ['arsagstekst', 'begrundelse', 'reasontext'],
  note: ['note', 'noter', 'notat', 'bemaerkning', 'bemaerkninger', 'notes'],
};

/**
 * Lower case without accents, spaces or punctuation; æ → ae, ø → o and "aa" → "a" (the old
 * spelling of å), so "Årsag", "AARSAG" and "årsag " compare equal, as do "Høje-Taastrup" and
 * "hoje taastrup".
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('aa', 'a')
    .replace(/[^a-z0-9]/g, '');
}

export interface ColumnMap {
  columns: Partial<Record<Field, number>>;
  /** Headers of columns that are not read, e.g. "region" in an export. */
  ignored: string[];
}

/** `quarterGiven`: the target quarter came as a form field, so no quarter column is needed. */
export function mapHeader(header: TableRow, quarterGiven: boolean): ColumnMap {
  const columns: Partial<Record<Field, number>> = {};
  const ignored: string[] = [];
  const problems: RowProblem[] = [];
  for (const [index, label] of header.cells.entries()) {
    const folded = foldText(label);
    const field = FIELDS.find((f) => HEADERS[f].includes(folded));
    if (!field) {
      if (label.trim() !== '') ignored.push(shorten(label.trim()));
      continue;
    }
    const earlier = columns[field];
    if (earlier !== undefined) {
      problems.push(problem(header.line, field, `two columns mean the same: "${shorten(header.cells[earlier].trim())}" and "${shorten(label.trim())}"; remove one`));
    }
    columns[field] = index;
  }
  const required: Field[] = quarterGiven ? ['code', 'category'] : ['code', 'quarter', 'category'];
  for (const field of required.filter((f) => columns[f] === undefined)) {
    const hint = field === 'quarter' ? ' (or choose the quarter the whole file is for)' : '';
    problems.push(problem(header.line, field, `no "${DANISH_HEADER[field]}" column${hint}; the first line must name the columns`));
  }
  if (problems.length > 0) throw rejectImport(problems);
  return { columns, ignored };
}

