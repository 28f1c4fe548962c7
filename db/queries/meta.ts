import { count, eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { categoryDefinitions, meta, regions, users } from '../schema.ts';

/** "demo" when the database holds the generated demo dataset, "live" otherwise. */
export function datasetKind(db: Conn): 'demo' | 'live' {
  const row = db.select({ value: meta.value }).from(meta).where(eq(meta.key, 'dataset')).get();
  return row?.value === 'demo' ? 'demo' : 'live';
}

export function listCategoryDefinitions(db: Conn) {
  return db.select().from(categoryDefinitions).orderBy(categoryDefinitions.version).all();
}

export function listRegions(db: Conn) {
  return db.select().from(regions).orderBy(regions.code).all();
}

export function userCount(db: Conn): number {
  return db.select({ n: count() }).from(users).get()!.n;
}
