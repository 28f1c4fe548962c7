/**
 * Publishing a final quarter: a snapshot is frozen and readable by anyone (db/queries/publications.ts).
 * The snapshot is built field by field from the quarter's statuses and key figures: categories,
 * counts and reason codes only, so no note, reason text or name of a person can slip into it.
 * Reopening the quarter leaves the snapshot as it is; publishing again replaces it.
 */
import { eq } from 'drizzle-orm';
import type { Db, Transaction } from '../client.ts';
import { locked, notFound } from '../errors.ts';
import { datasetKind } from '../queries/meta.ts';
import { quarterStatuses } from '../queries/statuses.ts';
import { quarterSummary } from '../queries/summary.ts';
import { categoryDefinitions, quarters } from '../schema.ts';
import { publications } from '../schema/outreach.ts';
import type { PublishedQuarter } from '../queries/publications.ts';
import type { Actor } from './actor.ts';
import { aboutQuarter, appendAudit } from './audit.ts';

function snapshot(tx: Transaction, quarterCode: string, definitionsVersion: number, at: string): PublishedQuarter {
  const summary = quarterSummary(tx, quarterCode);
  const definitions = tx.select().from(categoryDefinitions).where(eq(categoryDefinitions.version, definitionsVersion)).get()!;
  return {
    quarter: quarterCode,
    publishedAt: at,
    dataset: datasetKind(tx),
    definitions: definitions.definitions,
    counts: { ...summary.counts },
    municipalitiesWithOffer: summary.municipalitiesWithOffer,
    agreements: { ...summary.agreements },
    zeroQuota: summary.zeroQuota,
    municipalities: quarterStatuses(tx, quarterCode).map((row) => ({
      code: row.code,
      name: row.name,
      regionCode: row.regionCode,
      category: row.category,
      reason: row.reason,
      zeroQuota: row.zeroQuota,
      agreements: [...row.agreements],
    })),
  };
}

export function publishQuarter(db: Db, quarterCode: string, actor: Actor, now = new Date()): PublishedQuarter {
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const quarter = tx.select().from(quarters).where(eq(quarters.code, quarterCode)).get();
      if (!quarter) throw notFound(`quarter: ${quarterCode} is not in the database`);
      if (quarter.state !== 'final') throw locked(`quarter ${quarterCode} is not final; finalise it before publishing it`);
      const frozen = snapshot(tx, quarterCode, quarter.definitionsVersion, at);
      const before = tx.select({ publishedAt: publications.publishedAt }).from(publications).where(eq(publications.quarterCode, quarterCode)).get();
      tx.insert(publications)
        .values({ quarterCode, publishedAt: at, publishedById: actor.id, snapshot: frozen })
        .onConflictDoUpdate({ target: publications.quarterCode, set: { publishedAt: at, publishedById: actor.id, snapshot: frozen } })
        .run();
      appendAudit(tx, actor, at, aboutQuarter('publication', quarterCode, 'publish', {
        oldValue: before ? { publishedAt: before.publishedAt } : null,
        newValue: { publishedAt: at, counts: frozen.counts },
      }));
      return frozen;
    },
    { behavior: 'immediate' },
  );
}

export function withdrawQuarter(db: Db, quarterCode: string, actor: Actor, now = new Date()): void {
  const at = now.toISOString();
  db.transaction(
    (tx) => {
      const published = tx.select({ publishedAt: publications.publishedAt }).from(publications).where(eq(publications.quarterCode, quarterCode)).get();
      if (!published) throw notFound(`quarter: ${quarterCode} is not published`);
      tx.delete(publications).where(eq(publications.quarterCode, quarterCode)).run();
      appendAudit(tx, actor, at, aboutQuarter('publication', quarterCode, 'withdraw', {
        oldValue: { publishedAt: published.publishedAt },
      }));
    },
    { behavior: 'immediate' },
  );
}
