import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { receptionQuotas } from '../schema.ts';

/** Codes of the municipalities with a zero quota in a year: they count as "need covered". */
export function zeroQuotaCodes(db: Db, year: number): Set<string> {
  const rows = db
    .select({ code: receptionQuotas.municipalityCode })
    .from(receptionQuotas)
    .where(and(eq(receptionQuotas.year, year), eq(receptionQuotas.zeroQuota, true)))
    .all();
  return new Set(rows.map((r) => r.code));
}

export function municipalityQuotas(db: Db, code: string) {
  return db
    .select({ year: receptionQuotas.year, quota: receptionQuotas.quota, zeroQuota: receptionQuotas.zeroQuota })
    .from(receptionQuotas)
    .where(eq(receptionQuotas.municipalityCode, code))
    .orderBy(receptionQuotas.year)
    .all();
}
