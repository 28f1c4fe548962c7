import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { quarterEnd } from '../domain/quarter.ts';
import { statuses } from '../schema.ts';
import { municipalityCount } from './municipalities.ts';
import { agreementCounts, type AgreementCounts } from './agreements.ts';
import { cachedRead } from './cache.ts';
import { categoryCounts, type CategoryCounts } from './quarters.ts';
import { zeroQuotaCodes } from './quotas.ts';

export interface QuarterSummary {
  quarter: string;
  counts: CategoryCounts;
  /** Green and yellow municipalities: those with a VV offer. */
  municipalitiesWithOffer: number;
  agreements: AgreementCounts;
  zeroQuota: number;
}

export function quarterSummary(db: Conn, quarterCode: string): QuarterSummary {
  return cachedRead(db, `summary:${quarterCode}`, () => readQuarterSummary(db, quarterCode));
}

function readQuarterSummary(db: Conn, quarterCode: string): QuarterSummary {
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
    municipalitiesWithOffer: counts.green + counts.yellow,
    agreements: agreementCounts(db, quarterEnd(quarterCode)),
    zeroQuota: zeroQuotaCodes(db, Number(quarterCode.slice(0, 4))).size,
  };
}
