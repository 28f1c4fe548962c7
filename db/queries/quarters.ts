import { count, desc, eq, isNotNull } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { CATEGORY_KEY, isCategory } from '../domain/category.ts';
import { quarters, statuses } from '../schema.ts';
import { cachedRead } from './cache.ts';
import { municipalityCount } from './municipalities.ts';

export interface CategoryCounts {
  green: number;
  yellow: number;
  red: number;
  notAssessed: number;
}

export interface QuarterInfo {
  code: string;
  state: 'open' | 'final';
  definitionsVersion: number;
  openedAt: string;
  finalisedAt: string | null;
  counts: CategoryCounts;
}

/** Counts from (category, n) pairs; everything not green, yellow or red is "not assessed". */
export function categoryCounts(pairs: { category: number | null; n: number }[], municipalityCount: number): CategoryCounts {
  const counts: CategoryCounts = { green: 0, yellow: 0, red: 0, notAssessed: 0 };
  for (const { category, n } of pairs) {
    if (isCategory(category)) counts[CATEGORY_KEY[category]] += n;
  }
  counts.notAssessed = municipalityCount - counts.green - counts.yellow - counts.red;
  return counts;
}

const quarterColumns = {
  code: quarters.code,
  state: quarters.state,
  definitionsVersion: quarters.definitionsVersion,
  openedAt: quarters.openedAt,
  finalisedAt: quarters.finalisedAt,
};

export function listQuarters(db: Conn): QuarterInfo[] {
  return cachedRead(db, 'quarters', () => readQuarters(db));
}

function readQuarters(db: Conn): QuarterInfo[] {
  const municipalities = municipalityCount(db);
  const pairs = db
    .select({ quarterCode: statuses.quarterCode, category: statuses.category, n: count() })
    .from(statuses)
    .where(isNotNull(statuses.category))
    .groupBy(statuses.quarterCode, statuses.category)
    .all();
  return db
    .select(quarterColumns)
    .from(quarters)
    .orderBy(quarters.year, quarters.quarter)
    .all()
    .map((q) => ({
      ...q,
      counts: categoryCounts(
        pairs.filter((p) => p.quarterCode === q.code),
        municipalities,
      ),
    }));
}

export function findQuarter(db: Conn, code: string) {
  return cachedRead(db, `quarter:${code}`, () => db.select(quarterColumns).from(quarters).where(eq(quarters.code, code)).get());
}

/** The newest quarter, preferring a final one: what a viewer should see by default. */
export function defaultQuarter(db: Conn): string | undefined {
  return cachedRead(db, 'default-quarter', () => readDefaultQuarter(db));
}

function readDefaultQuarter(db: Conn): string | undefined {
  const newestFinal = db
    .select({ code: quarters.code })
    .from(quarters)
    .where(eq(quarters.state, 'final'))
    .orderBy(desc(quarters.year), desc(quarters.quarter))
    .get();
  return (newestFinal ?? db.select({ code: quarters.code }).from(quarters).orderBy(desc(quarters.year), desc(quarters.quarter)).get())?.code;
}
