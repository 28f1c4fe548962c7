/**
 * Cells → typed values. Everything that can be judged from the cell alone is checked here
 * (format, known words, length, formula look); what needs the database is left to plan.ts.
 */
import type { Category } from '../domain/category.ts';
import { isEscapedFormula, runsAsFormula } from '../domain/formula.ts';
import { normaliseMunicipalityCode } from '../domain/municipality-code.ts';
import { normaliseQuarterCode } from '../domain/quarter.ts';
import { REASON_LABELS, REASONS, type Reason } from '../domain/reason.ts';
import type { RowProblem } from '../errors.ts';
import { NOTE_MAX_CHARS, REASON_TEXT_MAX_CHARS } from '../domain/limits.ts';
import { foldText, type ColumnMap, type Field } from './headers.ts';
import { echo, problem } from './problems.ts';
import type { FileFormat, TableRow } from './table.ts';

export interface ImportRow {
  /** The row a spreadsheet shows it in (the header is row 1). */
  line: number;
  /** Canonical quarter code; null when it could not be read. */
  quarter: string | null;
  /** Four-character municipality code; null when it could not be read. */
  code: string | null;
  name: string | null;
  /** Null is an explicit "not assessed". */
  category: Category | null;
  /**
   * Both category cells are empty: the export writes a municipality never assessed in a quarter so.
   * plan.ts decides: nothing to do where the database has no row either, else a problem.
   */
  blank: boolean;
  reason: Reason | null;
  reasonText: string | null;
  note: string | null;
  /** Fields whose cell could not be read; their problem is already reported. */
  unreadable: Set<Field>;
}

const CATEGORY_WORDS = new Map<string, Category | null>([
  ['1', 1], ['gron', 1], ['green', 1],
  ['2', 2], ['gul', 2], ['yellow', 2],
  ['3', 3], ['rod', 3], ['red', 3],
  ['ikkevurderet', null], ['notassessed', null],
]);
const CATEGORY_HINT = 'write 1, 2, 3, grøn, gul, rød or "ikke vurderet"';

const REASON_WORDS = new Map<string, Reason>(
  REASONS.flatMap((r) => [[foldText(r), r], [foldText(REASON_LABELS[r].da), r], [foldText(REASON_LABELS[r].en), r]] as const),
);

/**
 * `format` decides the formula check. CSV text is what a spreadsheet will parse when the file is
 * opened, so text that would run as a formula is refused. An XLSX cell's value is never run: a
 * formula sits apart from the value Excel shows, which parse-xlsx.ts already took instead.
 */
export function readRows(rows: TableRow[], width: number, columns: ColumnMap['columns'], target: string | null, format: FileFormat) {
  const problems: RowProblem[] = [];
  return { rows: rows.map((row) => readRow(row, width, columns, target, format, problems)), problems };
}

function readRow(row: TableRow, width: number, columns: ColumnMap['columns'], target: string | null, format: FileFormat, problems: RowProblem[]): ImportRow {
  const unreadable = new Set<Field>();
  let code: string | null = null;
  const report = (field: Field | 'columns', message: string) => {
    if (field !== 'columns') unreadable.add(field);
    problems.push(problem(row.line, field, message, code ?? undefined));
  };
  /** The trimmed cell ('' when empty or no such column); undefined when it looks like a formula. */
  const cell = (field: Field): string | undefined => {
    const index = columns[field];
    const raw = index === undefined ? '' : (row.cells[index] ?? '');
    if (isEscapedFormula(raw)) return raw.slice(1).trim();
    if (format === 'csv' && runsAsFormula(raw)) {
      report(field, `${echo(raw)} looks like a spreadsheet formula; remove the leading sign or put an apostrophe (') before it`);
      return undefined;
    }
    return raw.trim();
  };

  const codeCell = cell('code');
  if (codeCell !== undefined) {
    code = normaliseMunicipalityCode(codeCell);
    if (!code) {
      report('code', codeCell === '' ? 'missing; write the municipality code, e.g. 0101' : `${echo(codeCell)} is not a municipality code such as 0101`);
    }
  }

  const name = cell('name') || null;

  let quarter = target;
  const quarterCell = columns.quarter === undefined ? '' : cell('quarter');
  if (quarterCell === undefined) quarter = null;
  else if (quarterCell !== '') {
    const parsed = normaliseQuarterCode(quarterCell);
    quarter = null;
    if (!parsed) report('quarter', `${echo(quarterCell)} is not a quarter code such as 2016K2`);
    else if (target && parsed !== target) report('quarter', `${parsed} differs from the chosen quarter ${target}`);
    else quarter = parsed;
  } else if (!target) report('quarter', 'missing; write the quarter, e.g. 2016K2');

  const { category, blank } = readCategory(cell('category'), cell('categoryText'), report);

  let reason: Reason | null = null;
  const reasonCell = cell('reason');
  if (reasonCell) {
    reason = REASON_WORDS.get(foldText(reasonCell)) ?? null;
    if (!reason) report('reason', `${echo(reasonCell)} is not a known reason; write one of ${REASONS.join(', ')} or its Danish or English name`);
  }

  const reasonText = cell('reasonText') || null;
  if (reasonText && reasonText.length > REASON_TEXT_MAX_CHARS) report('reasonText', `must be at most ${REASON_TEXT_MAX_CHARS} characters`);
  const note = cell('note') || null;
  if (note && note.length > NOTE_MAX_CHARS) report('note', `must be at most ${NOTE_MAX_CHARS} characters`);

  // Empty cells past the header are common (trailing separators); text there means a shifted row.
  if (row.cells.slice(width).some((c) => c.trim() !== '')) {
    report('columns', `has ${row.cells.length} cells but the header names ${width} columns; is a separator or a quote out of place?`);
  }

  return { line: row.line, quarter, code, name, category, blank, reason, reasonText, note, unreadable };
}

/**
 * The category from its two columns: the number ("kategori") and the Danish word beside it
 * ("kategori_tekst"). Either may be given alone; given both, they must agree, since a person who
 * changed one of them meant something the other contradicts, and half of that must not be saved.
 */
function readCategory(
  numberCell: string | undefined,
  textCell: string | undefined,
  report: (field: Field, message: string) => void,
): { category: Category | null; blank: boolean } {
  const read = (field: Field, text: string | undefined): Category | null | undefined => {
    if (text === undefined || text === '') return undefined;
    const word = CATEGORY_WORDS.get(foldText(text));
    if (word === undefined) report(field, `${echo(text)} is not a category; ${CATEGORY_HINT}`);
    return word;
  };
  const fromNumber = read('category', numberCell);
  const fromText = read('categoryText', textCell);
  if (numberCell === undefined || textCell === undefined) return { category: null, blank: false };
  if (fromNumber !== undefined && fromText !== undefined && fromNumber !== fromText) {
    report('category', `kategori ${echo(numberCell)} and kategori_tekst ${echo(textCell)} disagree; make them the same, or empty one of them`);
  }
  const category = fromNumber !== undefined ? fromNumber : fromText;
  // A cell that could not be read has its problem; the row is not blank then.
  const blank = numberCell === '' && textCell === '';
  return { category: category ?? null, blank };
}
