/**
 * The one write path for quarterly statuses, used by the single and bulk API routes and by imports.
 * All rows are checked first; if any row is invalid or stale nothing is written. Otherwise every
 * changed row is written with its audit row in one transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Conn, Db, Transaction } from '../client.ts';
import { isCategory, type Category } from '../domain/category.ts';
import { NOTE_MAX_CHARS, REASON_TEXT_MAX_CHARS } from '../domain/limits.ts';
import { normaliseMunicipalityCode } from '../domain/municipality-code.ts';
import { previousQuarter } from '../domain/quarter.ts';
import { isReason, REASON_LABELS, type Reason } from '../domain/reason.ts';
import { DomainError, invalid, locked, notFound, type RowProblem } from '../errors.ts';
import { quarterStatuses, type MunicipalityStatus } from '../queries/statuses.ts';
import { municipalities, quarters, statuses } from '../schema.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';

export interface StatusInput {
  /** Municipality code; "101" is read as "0101". */
  code: string;
  /** 1, 2 or 3; null marks the municipality explicitly as not assessed (needs reasonText). */
  category: Category | null;
  reason?: Reason | null;
  reasonText?: string | null;
  note?: string | null;
  /** The version the user started from: 0 when the row did not exist. */
  version: number;
}

export interface StatusConflict {
  row: number;
  code: string;
  yourVersion: number;
  current: MunicipalityStatus;
}

export interface SaveResult {
  /** Rows written (changed or confirmed). */
  saved: string[];
  /** Rows that already held exactly this content. */
  unchanged: string[];
  rows: MunicipalityStatus[];
}

interface Normalised {
  code: string;
  category: Category | null;
  reason: Reason | null;
  reasonText: string | null;
  note: string | null;
  version: number;
}

export function saveStatuses(db: Db, quarterCode: string, inputs: StatusInput[], actor: Actor, now = new Date()): SaveResult {
  return db.transaction((tx) => applyStatuses(tx, quarterCode, inputs, actor, now.toISOString()), { behavior: 'immediate' });
}

/**
 * saveStatuses inside a transaction the caller owns, so an import can write several quarters and
 * its own audit row atomically. A thrown error must roll the caller's transaction back.
 */
export function applyStatuses(tx: Transaction, quarterCode: string, inputs: StatusInput[], actor: Actor, at: string): SaveResult {
  const quarter = tx.select().from(quarters).where(eq(quarters.code, quarterCode)).get();
  if (!quarter) throw notFound(`quarter: ${quarterCode} is not in the database`);
  if (quarter.state === 'final') {
    throw locked(`quarter ${quarterCode} is final; an administrator must reopen it before anything can change`);
  }

  const { rows, problems } = normalise(tx, quarterCode, inputs);
  if (problems.length > 0) {
    throw invalid(`${problems.length === 1 ? 'one row has' : `${problems.length} rows have`} errors; nothing was saved`, {
      errors: problems,
    });
  }

  const codes = rows.map((r) => r.code);
  const current = new Map(
    tx
      .select()
      .from(statuses)
      .where(and(eq(statuses.quarterCode, quarterCode), inArray(statuses.municipalityCode, codes)))
      .all()
      .map((row) => [row.municipalityCode, row]),
  );

  const stale = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => (current.get(row.code)?.version ?? 0) !== row.version);
  if (stale.length > 0) {
    const latest = new Map(quarterStatuses(tx, quarterCode).map((s) => [s.code, s]));
    const conflicts: StatusConflict[] = stale.map(({ row, index }) => ({
      row: index + 1,
      code: row.code,
      yourVersion: row.version,
      current: latest.get(row.code)!,
    }));
    throw new DomainError(
      'conflict',
      `${conflicts.length === 1 ? `${conflicts[0].code} was` : `${conflicts.length} municipalities were`} changed by someone else since you opened them; nothing was saved`,
      { conflicts },
    );
  }

  const saved: string[] = [];
  const unchanged: string[] = [];
  for (const row of rows) {
    const before = current.get(row.code);
    if (before && !before.carriedOver && sameContent(before, row)) {
      unchanged.push(row.code);
      continue;
    }
    writeRow(tx, quarterCode, row, before, actor, at);
    saved.push(row.code);
  }
  const after = quarterStatuses(tx, quarterCode).filter((s) => codes.includes(s.code));
  return { saved, unchanged, rows: after };
}

function normalise(tx: Conn, quarterCode: string, inputs: StatusInput[]): { rows: Normalised[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const known = new Set(tx.select({ code: municipalities.code }).from(municipalities).all().map((m) => m.code));
  const previous = new Map(
    tx
      .select({ code: statuses.municipalityCode, category: statuses.category })
      .from(statuses)
      .where(eq(statuses.quarterCode, previousQuarter(quarterCode)))
      .all()
      .map((s) => [s.code, s.category]),
  );
  const seen = new Set<string>();
  const rows: Normalised[] = [];

  inputs.forEach((input, index) => {
    const row = index + 1;
    const problem = (field: string, message: string, code?: string) => problems.push({ row, code, field, message });
    const code = normaliseMunicipalityCode(String(input.code ?? ''));
    if (!code || !known.has(code)) return problem('code', `${JSON.stringify(input.code)} is not one of the 98 municipality codes`);
    if (seen.has(code)) return problem('code', `${code} appears more than once`, code);
    seen.add(code);

    const category = input.category ?? null;
    if (category !== null && !isCategory(category)) problem('category', 'must be 1, 2, 3 or null (not assessed)', code);
    const reason = input.reason ?? null;
    if (reason !== null && !isReason(reason)) problem('reason', `${JSON.stringify(reason)} is not a known reason`, code);
    const reasonText = text(input.reasonText);
    const note = text(input.note);
    if (reasonText && reasonText.length > REASON_TEXT_MAX_CHARS) problem('reasonText', `must be at most ${REASON_TEXT_MAX_CHARS} characters`, code);
    if (note && note.length > NOTE_MAX_CHARS) problem('note', `must be at most ${NOTE_MAX_CHARS} characters`, code);
    if (!Number.isInteger(input.version) || input.version < 0) problem('version', 'must be a whole number, 0 for a new row', code);

    const before = previous.get(code) ?? null;
    if (category === null) {
      if (!reasonText) problem('reasonText', 'say why the municipality is not assessed this quarter', code);
    } else if (before !== null && before !== category && reason === null) {
      problem('reason', `the category changed from ${before} to ${category}: choose a reason`, code);
    }
    if (reason === 'other' && !reasonText) problem('reasonText', 'describe the reason when it is "other"', code);

    rows.push({ code, category, reason, reasonText, note, version: input.version });
  });
  return { rows, problems };
}

function text(value: string | null | undefined): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : trimmed;
}

function sameContent(before: typeof statuses.$inferSelect, row: Normalised): boolean {
  return (
    before.category === row.category &&
    before.reason === row.reason &&
    before.reasonText === row.reasonText &&
    before.note === row.note
  );
}

function writeRow(
  tx: Conn,
  quarterCode: string,
  row: Normalised,
  before: typeof statuses.$inferSelect | undefined,
  actor: Actor,
  at: string,
): void {
  const content = { category: row.category, reason: row.reason, reasonText: row.reasonText, note: row.note };
  if (before) {
    tx.update(statuses)
      .set({ ...content, carriedOver: false, version: before.version + 1, updatedBy: actor.name, updatedById: actor.id, updatedAt: at })
      .where(and(eq(statuses.quarterCode, quarterCode), eq(statuses.municipalityCode, row.code)))
      .run();
  } else {
    tx.insert(statuses)
      .values({ quarterCode, municipalityCode: row.code, ...content, carriedOver: false, version: 1, updatedBy: actor.name, updatedById: actor.id, updatedAt: at })
      .run();
  }
  appendAudit(tx, actor, at, {
    action: before ? (before.carriedOver && sameContent(before, row) ? 'confirm' : 'update') : 'create',
    entity: 'status',
    entityKey: `${quarterCode}/${row.code}`,
    municipalityCode: row.code,
    quarterCode,
    oldValue: before
      ? { category: before.category, reason: before.reason, reasonText: before.reasonText, note: before.note, carriedOver: before.carriedOver }
      : null,
    newValue: content,
    reason: row.reason ? `${REASON_LABELS[row.reason].da}${row.reasonText ? `: ${row.reasonText}` : ''}` : row.reasonText,
  });
}
