/**
 * Loads the demo dataset into an empty database in one transaction and marks the database as
 * demo (meta `dataset = demo`), which every view uses to label what it shows.
 */
import { count } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { quarterEnd, quarterStart } from '../domain/quarter.ts';
import {
  agreements,
  areaMunicipalities,
  areas,
  meta,
  quarters,
  receptionQuotas,
  recruitmentMeasures,
  statuses,
  supportActivities,
  users,
} from '../schema.ts';
import { appendAudit } from '../writes/audit.ts';
import { DEMO_AUTHOR, DEMO_SEED, generateDemoDataset } from './generate.ts';

/** True when nothing has been entered yet: no quarters, agreements, quotas or accounts. */
export function isEmpty(db: Db): boolean {
  const [q] = db.select({ n: count() }).from(quarters).all();
  const [a] = db.select({ n: count() }).from(agreements).all();
  const [r] = db.select({ n: count() }).from(receptionQuotas).all();
  const [u] = db.select({ n: count() }).from(users).all();
  return q.n + a.n + r.n + u.n === 0;
}

/**
 * Fills a brand-new database with the demo dataset. openDatabase calls it only for a file it has
 * just created; the check here keeps invented data out of a database anyone has begun to use.
 */
export function loadDemoData(db: Db, now = new Date()): void {
  if (!isEmpty(db)) throw new Error('the demo dataset is only loaded into an empty database');
  const dataset = generateDemoDataset(DEMO_SEED);
  const at = now.toISOString();
  db.transaction((tx) => {
    tx.insert(quarters)
      .values(
        dataset.quarters.map((q) => ({
          code: q.code,
          year: Number(q.code.slice(0, 4)),
          quarter: Number(q.code.slice(5)),
          state: 'final' as const,
          definitionsVersion: 1,
          openedAt: `${quarterStart(q.code)}T08:00:00.000Z`,
          finalisedAt: q.finalisedAt,
          finalisedBy: DEMO_AUTHOR,
        })),
      )
      .run();
    for (const chunk of chunks(dataset.statuses, 500)) {
      tx.insert(statuses)
        .values(chunk.map((s) => ({ ...s, updatedBy: DEMO_AUTHOR, carriedOver: false, version: 1 })))
        .run();
    }
    tx.insert(agreements)
      .values(
        dataset.agreements.map((a) => ({
          ...a,
          createdAt: `${a.signedOn}T12:00:00.000Z`,
          updatedAt: `${a.endedOn ?? a.signedOn}T12:00:00.000Z`,
        })),
      )
      .run();
    tx.insert(receptionQuotas).values(dataset.quotas).run();
    for (const area of dataset.areas) {
      const { id } = tx.insert(areas).values({ name: area.name, createdAt: at, updatedAt: at }).returning({ id: areas.id }).get();
      tx.insert(areaMunicipalities)
        .values(area.codes.map((municipalityCode) => ({ municipalityCode, areaId: id })))
        .run();
    }
    for (const chunk of chunks(dataset.recruitment, 500)) {
      tx.insert(recruitmentMeasures)
        .values(chunk.map((r) => ({ ...r, updatedBy: DEMO_AUTHOR, updatedAt: `${quarterEnd(r.quarterCode)}T12:00:00.000Z` })))
        .run();
    }
    for (const chunk of chunks(dataset.activities, 500)) {
      tx.insert(supportActivities)
        .values(chunk.map((a) => ({ ...a, createdBy: DEMO_AUTHOR, createdAt: `${a.happenedOn}T15:00:00.000Z` })))
        .run();
    }
    tx.insert(meta)
      .values({ key: 'dataset', value: 'demo' })
      .onConflictDoUpdate({ target: meta.key, set: { value: 'demo' } })
      .run();
    appendAudit(tx, { id: null, name: DEMO_AUTHOR, email: null }, at, {
      action: 'load',
      entity: 'dataset',
      entityKey: 'demo',
      newValue: {
        seed: DEMO_SEED,
        quarters: dataset.quarters.length,
        statuses: dataset.statuses.length,
        agreements: dataset.agreements.length,
        quotas: dataset.quotas.length,
      },
      reason: 'Demodata indlæst i en tom database',
    });
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
