import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { quarterEnd } from '../domain/quarter.ts';
import { statuses } from '../schema.ts';
import { municipalityCount } from './municipalities.ts';
import { agreementCounts } from './agreements.ts';
import { cachedRead } from './cache.ts';
import { categoryCounts } from './quarters.ts';
import { zeroQuotaCodes } from './quotas.ts';

export function quarterSummary(db: Conn, quarterCode: string) {
  return cachedRead(db, `summary:${quarterCode}`, () => readQuarterSummary(db, quarterCode));
}

function readQuarterSummary(db: Conn, quarterCode: string) {
  const pairs = db
    .select({ category: statuses.category, n: count() })
    .from(statuses)
    .where(and(eq(statuses.quarterCode, quarterCode), isNotNull(statuses.category)))
    .groupBy(statuses.category)
    .all();
  const counts = categoryCounts(pairs, municipalityCount(db));
  return {
    quarter: quarterCode,
    counts,
    // Green and yellow municipalities: those with a VV offer.
    municipalitiesWithOffer: counts.green + counts.yellow,
    agreements: agreementCounts(db, quarterEnd(quarterCode)),
    zeroQuota: zeroQuotaCodes(db, Number(quarterCode.slice(0, 4))).size,
  };
}
