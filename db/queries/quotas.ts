import { and, eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { municipalities, receptionQuotas } from '../schema.ts';

/** Codes of the municipalities with a zero quota in a year: they count as "need covered". */
export function zeroQuotaCodes(db: Conn, year: number): Set<string> {
  const rows = db
    .select({ code: receptionQuotas.municipalityCode })
    .from(receptionQuotas)
    .where(and(eq(receptionQuotas.year, year), eq(receptionQuotas.zeroQuota, true)))
    .all();
  return new Set(rows.map((r) => r.code));
}

export function municipalityQuotas(db: Conn, code: string) {
  return db
    .select({ year: receptionQuotas.year, quota: receptionQuotas.quota, zeroQuota: receptionQuotas.zeroQuota })
    .from(receptionQuotas)
    .where(eq(receptionQuotas.municipalityCode, code))
    .orderBy(receptionQuotas.year)
    .all();
}

/** All 98 municipalities for a year, with their quota when one is registered. */
export function yearQuotas(db: Conn, year: number) {
  return db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      regionCode: municipalities.regionCode,
      quota: receptionQuotas.quota,
      zeroQuota: receptionQuotas.zeroQuota,
    })
    .from(municipalities)
    .leftJoin(receptionQuotas, and(eq(receptionQuotas.municipalityCode, municipalities.code), eq(receptionQuotas.year, year)))
    .orderBy(municipalities.code)
    .all()
    .map((row) => ({ ...row, zeroQuota: row.zeroQuota ?? false }));
}
