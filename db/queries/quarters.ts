import { count, desc, eq, isNotNull } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { CATEGORY_KEY, isCategory } from '../domain/category.ts';
import { quarters, statuses } from '../schema.ts';
import { publications } from '../schema/outreach.ts';
import { cachedRead } from './cache.ts';
import { municipalityCount } from './municipalities.ts';

export interface CategoryCounts {
  green: number;
  yellow: number;
  red: number;
  notAssessed: number;
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
  deadline: quarters.deadline,
};

/** Which quarters a read covers: drafts (open quarters) are for the people who enter them. */
export interface QuarterScope {
  finalOnly?: boolean;
}

export function listQuarters(db: Conn, { finalOnly = false }: QuarterScope = {}) {
  return cachedRead(db, `quarters:${finalOnly}`, () => readQuarters(db, finalOnly));
}

function readQuarters(db: Conn, finalOnly: boolean) {
  const municipalities = municipalityCount(db);
  const pairs = db
    .select({ quarterCode: statuses.quarterCode, category: statuses.category, n: count() })
    .from(statuses)
    .where(isNotNull(statuses.category))
    .groupBy(statuses.quarterCode, statuses.category)
    .all();
  return db
    .select({ ...quarterColumns, publishedAt: publications.publishedAt })
    .from(quarters)
    .leftJoin(publications, eq(publications.quarterCode, quarters.code))
    .where(finalOnly ? eq(quarters.state, 'final') : undefined)
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

/**
 * The newest quarter, preferring a final one: what the dashboard shows first. With `finalOnly`
 * a database whose only quarter is a draft has none to show.
 */
export function defaultQuarter(db: Conn, { finalOnly = false }: QuarterScope = {}): string | undefined {
  return cachedRead(db, `default-quarter:${finalOnly}`, () => readDefaultQuarter(db, finalOnly));
}

function readDefaultQuarter(db: Conn, finalOnly: boolean): string | undefined {
  const newestFinal = db
    .select({ code: quarters.code })
    .from(quarters)
    .where(eq(quarters.state, 'final'))
    .orderBy(desc(quarters.year), desc(quarters.quarter))
    .get();
  if (finalOnly) return newestFinal?.code;
  return (newestFinal ?? db.select({ code: quarters.code }).from(quarters).orderBy(desc(quarters.year), desc(quarters.quarter)).get())?.code;
}
