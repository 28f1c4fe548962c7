/**
 * A quarter's life: opened (a draft copied from the previous quarter), finalised by an
 * administrator once every municipality is settled, reopened only with a reason.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Conn, Db, Transaction } from '../client.ts';
import { FIRST_QUARTER, nextQuarter, quarterStart } from '../domain/quarter.ts';
import type { Unsettled } from '../domain/unsettled.ts';
import { DomainError, invalid, locked, notFound } from '../errors.ts';
import { categoryDefinitions, municipalities, quarters, statuses } from '../schema.ts';
import type { Actor } from './actor.ts';
import { aboutQuarter, appendAudit } from './audit.ts';

export interface OpenedQuarter {
  code: string;
  carriedOver: number;
}

/**
 * Opens the quarter after the newest one, with the newest quarter's categories as a draft marked
 * "carried over" until someone confirms each row. The newest quarter must be final first, so two
 * drafts never drift apart; and a quarter is not opened before it has begun. In an empty database
 * the administrator chooses where monitoring starts (`first`, 2016K2 at the earliest). A deadline
 * may be given at once (db/writes/deadlines.ts sets it later).
 */
export function openNextQuarter(db: Db, actor: Actor, now = new Date(), first?: string, deadline?: string): OpenedQuarter {
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const latest = tx.select().from(quarters).orderBy(desc(quarters.year), desc(quarters.quarter)).get();
      if (latest && latest.state !== 'final') {
        throw locked(`quarter ${latest.code} is still open; finalise it before opening the next one`);
      }
      if (latest && first !== undefined && first !== nextQuarter(latest.code)) {
        throw invalid(`quarter: only the first quarter can be chosen; the next one is ${nextQuarter(latest.code)}`);
      }
      if (first !== undefined && first < FIRST_QUARTER) throw invalid(`quarter: ${first} is before ${FIRST_QUARTER}, when the monitoring began`);
      const code = latest ? nextQuarter(latest.code) : (first ?? FIRST_QUARTER);
      if (quarterStart(code) > at.slice(0, 10)) {
        throw invalid(`quarter ${code} has not begun yet (it starts on ${quarterStart(code)})`);
      }
      if (deadline !== undefined && deadline < quarterStart(code)) {
        throw invalid(`deadline: must not be before the quarter begins (${quarterStart(code)})`);
      }
      const previous = latest
        ? tx
            .select()
            .from(statuses)
            .where(and(eq(statuses.quarterCode, latest.code), isNotNull(statuses.category)))
            .all()
        : [];
      const opening = { carriedOverFrom: latest?.code ?? null, carriedOver: previous.length, deadline: deadline ?? null };
      insertOpenQuarter(tx, code, actor, at, opening, undefined, deadline);
      for (const row of previous) {
        tx.insert(statuses)
          .values({
            quarterCode: code,
            municipalityCode: row.municipalityCode,
            category: row.category,
            carriedOver: true,
            version: 1,
            updatedBy: actor.name,
            updatedById: actor.id,
            updatedAt: at,
          })
          .run();
      }
      return { code, carriedOver: previous.length };
    },
    { behavior: 'immediate' },
  );
}

/**
 * Inserts quarter `code` as open under the newest category definitions and audits its opening:
 * `opening` says where its rows come from (carried over, or an import's file, with `reason`); a
 * `deadline` may be given at once (db/writes/deadlines.ts sets it later).
 */
export function insertOpenQuarter(
  tx: Transaction,
  code: string,
  actor: Actor,
  at: string,
  opening: Record<string, unknown>,
  reason?: string,
  deadline?: string,
): void {
  const definitions = tx.select({ version: categoryDefinitions.version }).from(categoryDefinitions).orderBy(desc(categoryDefinitions.version)).get()!;
  tx.insert(quarters)
    .values({ code, year: Number(code.slice(0, 4)), quarter: Number(code.slice(5)), state: 'open', definitionsVersion: definitions.version, openedAt: at, deadline: deadline ?? null })
    .run();
  appendAudit(tx, actor, at, aboutQuarter('quarter', code, 'open', {
    newValue: { state: 'open', definitionsVersion: definitions.version, ...opening },
    reason,
  }));
}

/** Municipalities that stop a quarter from being finalised. */
export function unsettledMunicipalities(db: Conn, quarterCode: string): Unsettled[] {
  const rows = db
    .select({ code: municipalities.code, name: municipalities.name, category: statuses.category, reasonText: statuses.reasonText, carriedOver: statuses.carriedOver, exists: statuses.version })
    .from(municipalities)
    .leftJoin(statuses, and(eq(statuses.municipalityCode, municipalities.code), eq(statuses.quarterCode, quarterCode)))
    .orderBy(municipalities.code)
    .all();
  return rows.flatMap((row): Unsettled[] => {
    if (row.exists === null || (row.category === null && !row.reasonText)) return [{ code: row.code, name: row.name, problem: 'not assessed' }];
    if (row.carriedOver) return [{ code: row.code, name: row.name, problem: 'carried over, not confirmed' }];
    return [];
  });
}

export function finaliseQuarter(db: Db, quarterCode: string, actor: Actor, now = new Date()): void {
  const at = now.toISOString();
  db.transaction(
    (tx) => {
      const quarter = tx.select().from(quarters).where(eq(quarters.code, quarterCode)).get();
      if (!quarter) throw notFound(`quarter: ${quarterCode} is not in the database`);
      if (quarter.state === 'final') throw locked(`quarter ${quarterCode} is already final`);
      const unsettled = unsettledMunicipalities(tx, quarterCode);
      if (unsettled.length > 0) {
        const list = unsettled.slice(0, 5).map((u) => `${u.code} ${u.name}`).join(', ');
        throw new DomainError(
          'conflict',
          `quarter ${quarterCode} cannot be finalised: ${unsettled.length} municipalities are not settled (${list}${unsettled.length > 5 ? ', …' : ''}). Assess them, confirm carried-over rows, or mark them "not assessed" with a reason.`,
          { unsettled },
        );
      }
      tx.update(quarters).set({ state: 'final', finalisedAt: at, finalisedBy: actor.name, finalisedById: actor.id }).where(eq(quarters.code, quarterCode)).run();
      appendAudit(tx, actor, at, aboutQuarter('quarter', quarterCode, 'finalise', {
        oldValue: { state: 'open' },
        newValue: { state: 'final' },
      }));
    },
    { behavior: 'immediate' },
  );
}

export function reopenQuarter(db: Db, quarterCode: string, reason: string, actor: Actor, now = new Date()): void {
  const at = now.toISOString();
  const why = reason.trim();
  if (!why) throw invalid('reason: say why the quarter is reopened');
  db.transaction(
    (tx) => {
      const quarter = tx.select().from(quarters).where(eq(quarters.code, quarterCode)).get();
      if (!quarter) throw notFound(`quarter: ${quarterCode} is not in the database`);
      if (quarter.state !== 'final') throw locked(`quarter ${quarterCode} is already open`);
      tx.update(quarters).set({ state: 'open', finalisedAt: null, finalisedBy: null, finalisedById: null }).where(eq(quarters.code, quarterCode)).run();
      appendAudit(tx, actor, at, aboutQuarter('quarter', quarterCode, 'reopen', {
        oldValue: { state: 'final', finalisedAt: quarter.finalisedAt, finalisedBy: quarter.finalisedBy },
        newValue: { state: 'open' },
        reason: why,
      }));
    },
    { behavior: 'immediate' },
  );
}
