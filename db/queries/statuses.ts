import { and, eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import type { Category } from '../domain/category.ts';
import { quarterEnd } from '../domain/quarter.ts';
import type { Reason } from '../domain/reason.ts';
import type { Organisation } from '../domain/organisation.ts';
import { municipalities, statuses } from '../schema.ts';
import { activeOrganisations } from './agreements.ts';
import { cachedRead } from './cache.ts';
import { zeroQuotaCodes } from './quotas.ts';

/** All 98 municipalities for one quarter, assessed or not. */
export function quarterStatuses(db: Conn, quarterCode: string) {
  return cachedRead(db, `statuses:${quarterCode}`, () => readQuarterStatuses(db, quarterCode));
}

function readQuarterStatuses(db: Conn, quarterCode: string) {
  const rows = db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      regionCode: municipalities.regionCode,
      category: statuses.category,
      reason: statuses.reason,
      reasonText: statuses.reasonText,
      note: statuses.note,
      carriedOver: statuses.carriedOver,
      version: statuses.version,
      updatedBy: statuses.updatedBy,
      updatedAt: statuses.updatedAt,
    })
    .from(municipalities)
    .leftJoin(statuses, and(eq(statuses.municipalityCode, municipalities.code), eq(statuses.quarterCode, quarterCode)))
    .orderBy(municipalities.code)
    .all();
  const organisations = activeOrganisations(db, quarterEnd(quarterCode));
  const zeroQuota = zeroQuotaCodes(db, Number(quarterCode.slice(0, 4)));
  return rows.map((row) => ({
    ...row,
    // Null when the municipality has not been assessed this quarter.
    category: row.category as Category | null,
    // Organisations with an agreement active on the quarter's last day.
    agreements: organisations.get(row.code) ?? [],
    zeroQuota: zeroQuota.has(row.code),
    carriedOver: row.carriedOver ?? false,
    // 0 when no row exists yet; every write increments it.
    version: row.version ?? 0,
  }));
}

export type MunicipalityStatus = ReturnType<typeof readQuarterStatuses>[number];
