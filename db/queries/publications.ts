/**
 * Published quarters (db/writes/publications.ts): the frozen snapshots that anyone may read, and
 * the open data made from them.
 */
import { asc, eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import type { Category } from '../domain/category.ts';
import type { Organisation } from '../domain/organisation.ts';
import type { Reason } from '../domain/reason.ts';
import { quarters } from '../schema.ts';
import { publications } from '../schema/outreach.ts';
import { cachedRead } from './cache.ts';
import type { CategoryCounts } from './quarters.ts';

export interface PublishedMunicipality {
  code: string;
  name: string;
  regionCode: string;
  category: Category | null;
  reason: Reason | null;
  zeroQuota: boolean;
  agreements: Organisation[];
}

export interface PublishedQuarter {
  quarter: string;
  publishedAt: string;
  dataset: 'demo' | 'live';
  definitions: Record<'1' | '2' | '3', { da: string; en: string }>;
  counts: CategoryCounts;
  municipalitiesWithOffer: number;
  agreements: { active: number; municipalitiesWithAgreement: number; municipalitiesWithBoth: number };
  zeroQuota: number;
  municipalities: PublishedMunicipality[];
}

export function findPublication(db: Conn, quarterCode: string): PublishedQuarter | undefined {
  return cachedRead(db, `published:${quarterCode}`, () => {
    const row = db.select({ snapshot: publications.snapshot }).from(publications).where(eq(publications.quarterCode, quarterCode)).get();
    return row?.snapshot as PublishedQuarter | undefined;
  });
}

/** Every published quarter, oldest first, with its counts: the list, the trend and the counts file. */
export function listPublications(db: Conn): PublishedQuarter[] {
  return cachedRead(db, 'published', () =>
    db
      .select({ snapshot: publications.snapshot })
      .from(publications)
      .innerJoin(quarters, eq(quarters.code, publications.quarterCode))
      .orderBy(asc(quarters.year), asc(quarters.quarter))
      .all()
      .map((row) => row.snapshot as PublishedQuarter),
  );
}
