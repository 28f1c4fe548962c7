/**
 * Judges parsed rows against the database: known municipalities and quarters, duplicates, the
 * reason rules of the status write path (with the previous quarter taken from the file when it is
 * there), final quarters. Returns what would change, every problem, and the fingerprint that
 * commit must match. Reads only, so the preview and the commit's transaction share it.
 */
import { inArray } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { CATEGORY_WORD_DA, NOT_ASSESSED_DA, type Category } from '../domain/category.ts';
import { previousQuarter } from '../domain/quarter.ts';
import type { Reason } from '../domain/reason.ts';
import { notFound, type RowProblem } from '../errors.ts';
import { listMunicipalities } from '../queries/municipalities.ts';
import { quarters, statuses } from '../schema.ts';
import { importFingerprint } from './fingerprint.ts';
import { DANISH_HEADER, foldText, type Field } from './headers.ts';
import { MAX_LISTED_LINES } from './limits.ts';
import { newQuarters } from './new-quarters.ts';
import { echo, problem } from './problems.ts';
import type { ParsedImport } from './read.ts';
import type { ImportRow } from './rows.ts';

export interface StatusContent {
  category: Category | null;
  reason: Reason | null;
  reasonText: string | null;
  note: string | null;
}

export interface PlannedChange {
  line: number;
  quarter: string;
  code: string;
  name: string;
  /** `confirm`: a carried-over draft row taken over unchanged. */
  action: 'create' | 'update' | 'confirm';
  before: StatusContent | null;
  after: StatusContent;
  /** The row's version when planned (0: no row yet), for the write path's stale check. */
  version: number;
}

export interface ImportPlan {
  rows: number;
  quartersToCreate: string[];
  changes: PlannedChange[];
  unchanged: number;
  fingerprint: string;
  problems: RowProblem[];
}

export interface ImportSource {
  bytes: Uint8Array;
  /** The canonical quarter chosen for the whole file, or null for a history file. */
  target: string | null;
  /** Decides which quarters have begun and may be created. */
  now: Date;
}

type StatusRow = typeof statuses.$inferSelect;

export function planImport(db: Conn, file: ParsedImport, source: ImportSource): ImportPlan {
  const problems = [...file.problems];
  const report = (row: ImportRow, field: Field, message: string) => problems.push(problem(row.line, field, message, row.code ?? undefined));
  const names = new Map(listMunicipalities(db).map((m) => [m.code, m.name]));
  const states = new Map(db.select({ code: quarters.code, state: quarters.state }).from(quarters).all().map((q) => [q.code, q.state]));
  if (source.target && !states.has(source.target)) {
    throw notFound(`quarter: ${source.target} is not in the database; open it first, or import a file with a "kvartal" column to create quarters`);
  }

  const fileQuarters = [...new Set(file.rows.flatMap((row) => row.quarter ?? []))];
  const { create, refused } = newQuarters([...states.keys()], fileQuarters, source.now);
  const current = currentStatuses(db, [...new Set(fileQuarters.flatMap((q) => [q, previousQuarter(q)]))]);

  // Rows that name a known municipality in a known (or creatable) quarter, by "quarter/code".
  const placed = new Map<string, ImportRow[]>();
  for (const row of file.rows) {
    if (row.code !== null && !names.has(row.code)) report(row, 'code', `${row.code} is not one of the 98 municipality codes`);
    else if (row.code !== null && row.name !== null && foldName(row.name) !== foldName(names.get(row.code)!)) {
      report(row, 'name', `${echo(row.name)} is not the name of ${row.code} ${names.get(row.code)}; are the columns shifted?`);
    }
    if (row.quarter !== null && refused.has(row.quarter)) {
      report(row, 'quarter', `${row.quarter} is not in the database and cannot be created: ${refused.get(row.quarter)}`);
    }
    if (row.code === null || !names.has(row.code) || row.quarter === null || refused.has(row.quarter)) continue;
    const key = `${row.quarter}/${row.code}`;
    const same = placed.get(key);
    if (same) same.push(row);
    else placed.set(key, [row]);
  }
  for (const rows of placed.values()) {
    if (rows.length < 2) continue;
    const lines = listLines(rows.map((r) => r.line));
    for (const row of rows) report(row, 'code', `${row.code} appears more than once for ${row.quarter}: lines ${lines}`);
  }

  const changes: PlannedChange[] = [];
  let unchanged = 0;
  for (const [key, [row, ...duplicates]] of placed) {
    if (duplicates.length > 0) continue;
    const quarter = row.quarter!;
    const code = row.code!;
    const before = current.get(key);
    if (row.blank) {
      // An export writes a municipality never assessed in a quarter with empty category cells.
      if (before) report(row, 'category', `empty, but ${code} has ${categoryWord(before.category as Category | null)} in ${quarter}; write its category, or delete the row`);
      else if (row.reason || row.reasonText || row.note) report(row, 'category', 'missing; write 1, 2, 3, grøn, gul, rød or "ikke vurderet"');
      else unchanged++;
      continue;
    }
    const after = contentAfter(row, before, file.fields);

    const previous = `${previousQuarter(quarter)}/${code}`;
    const previousRows = placed.get(previous);
    // A duplicated, unreadable or blank previous row has its own problem (or none); judging against it adds noise.
    const previousKnown = !previousRows || (previousRows.length === 1 && !categoryUnreadable(previousRows[0]) && !previousRows[0].blank);
    const previousCategory = previousRows ? previousRows[0].category : (current.get(previous)?.category ?? null);
    if (!categoryUnreadable(row)) {
      if (after.category === null) {
        if (!after.reasonText && !row.unreadable.has('reasonText')) {
          report(row, 'reasonText', `say why the municipality is not assessed this quarter (column "${DANISH_HEADER.reasonText}")`);
        }
      } else if (previousKnown && previousCategory !== null && previousCategory !== after.category && after.reason === null && !row.unreadable.has('reason')) {
        report(row, 'reason', `the category changed from ${previousCategory} in ${previousQuarter(quarter)} to ${after.category}: give a reason (column "${DANISH_HEADER.reason}")`);
      }
    }
    if (after.reason === 'other' && !after.reasonText && !row.unreadable.has('reasonText')) {
      report(row, 'reasonText', `describe the reason when it is "other" (column "${DANISH_HEADER.reasonText}")`);
    }

    const same = before !== undefined && sameContent(before, after);
    if (same && !before.carriedOver) {
      unchanged++;
      continue;
    }
    // Only rows that would change need an open quarter: a full export of final quarters re-imports cleanly.
    if (states.get(quarter) === 'final') {
      report(row, 'quarter', `${quarter} is final; an administrator must reopen it before this row can change`);
      continue;
    }
    changes.push({
      line: row.line,
      quarter,
      code,
      name: names.get(code)!,
      action: !before ? 'create' : same ? 'confirm' : 'update',
      before: before ? contentOf(before) : null,
      after,
      version: before?.version ?? 0,
    });
  }

  const fingerprint = importFingerprint({
    bytes: source.bytes,
    target: source.target,
    quarters: fileQuarters.map((q) => [q, states.get(q) ?? null]),
    statuses: [...placed.keys()].map((key) => {
      const row = current.get(key);
      return [key, row ? { ...contentOf(row), carriedOver: row.carriedOver, version: row.version } : null];
    }),
  });
  return { rows: file.rows.length, quartersToCreate: create, changes, unchanged, fingerprint, problems };
}

function currentStatuses(db: Conn, quarterCodes: string[]): Map<string, StatusRow> {
  if (quarterCodes.length === 0) return new Map();
  const rows = db.select().from(statuses).where(inArray(statuses.quarterCode, quarterCodes)).all();
  return new Map(rows.map((row) => [`${row.quarterCode}/${row.municipalityCode}`, row]));
}

/**
 * Columns the file does not have keep their current values, so a file of codes and categories
 * does not wipe notes. A reason belongs to a change of category, so it is only kept with it.
 */
function contentAfter(row: ImportRow, before: StatusRow | undefined, fields: Set<Field>): StatusContent {
  const keepsReason = before !== undefined && before.category === row.category;
  return {
    category: row.category,
    reason: fields.has('reason') ? row.reason : keepsReason ? before.reason : null,
    reasonText: fields.has('reasonText') ? row.reasonText : keepsReason ? before.reasonText : null,
    note: fields.has('note') ? row.note : (before?.note ?? null),
  };
}

function contentOf(row: StatusRow): StatusContent {
  return { category: row.category as Category | null, reason: row.reason, reasonText: row.reasonText, note: row.note };
}

function sameContent(row: StatusRow, content: StatusContent): boolean {
  return row.category === content.category && row.reason === content.reason && row.reasonText === content.reasonText && row.note === content.note;
}

/**
 * "2 and 3", "2, 3 and 7"; beyond MAX_LISTED_LINES "2, 3, …, 11 and 19989 more", since a file of
 * one line repeated would otherwise name every line in every one of its problems.
 */
function listLines(lines: number[]): string {
  const listed = lines.slice(0, MAX_LISTED_LINES);
  const unlisted = lines.length - listed.length;
  if (unlisted > 0) return `${listed.join(', ')} and ${unlisted} more`;
  return `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
}

const categoryUnreadable = (row: ImportRow) => row.unreadable.has('category') || row.unreadable.has('categoryText');

function categoryWord(category: Category | null): string {
  return category === null ? `"${NOT_ASSESSED_DA}"` : `${category} (${CATEGORY_WORD_DA[category]})`;
}

/**
 * "Københavns Kommune", "kobenhavn" and "København" name the same municipality, as do the short
 * everyday forms "Nordfyn" and "Vesthimmerland" for Nordfyns and Vesthimmerlands Kommune.
 */
function foldName(name: string): string {
  return foldText(name)
    .replace(/(?:regions)?kommune$/, '')
    .replace(/s$/, '');
}
