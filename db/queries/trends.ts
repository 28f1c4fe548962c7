import { eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { CATEGORY_KEY } from '../domain/category.ts';
import { quarterEnd } from '../domain/quarter.ts';
import { REASONS, type Reason } from '../domain/reason.ts';
import { agreements, receptionQuotas } from '../schema.ts';
import type { CategoryCounts, QuarterScope } from './quarters.ts';
import { statusMatrix } from './matrix.ts';

/** The key figures of every quarter, for the trend charts, from one pass over the data. */
export function quarterTrends(db: Conn, scope: QuarterScope = {}) {
  const matrix = statusMatrix(db, scope);
  const allAgreements = db.select().from(agreements).all();
  const zeroQuotaByYear = new Map<number, number>();
  for (const q of db.select({ year: receptionQuotas.year }).from(receptionQuotas).where(eq(receptionQuotas.zeroQuota, true)).all()) {
    zeroQuotaByYear.set(q.year, (zeroQuotaByYear.get(q.year) ?? 0) + 1);
  }

  return matrix.quarters.map((quarter, i) => {
    const counts: CategoryCounts = { green: 0, yellow: 0, red: 0, notAssessed: 0 };
    for (const row of matrix.municipalities) {
      const category = row.categories[i];
      if (category === null) counts.notAssessed++;
      else counts[CATEGORY_KEY[category]]++;
    }
    const end = quarterEnd(quarter);
    const active = allAgreements.filter((a) => a.signedOn <= end && (a.endedOn === null || a.endedOn > end));
    const perMunicipality = new Map<string, Set<string>>();
    for (const a of active) perMunicipality.set(a.municipalityCode, (perMunicipality.get(a.municipalityCode) ?? new Set()).add(a.organisation));
    // Municipalities whose category got worse since the previous quarter, by reason, and better.
    const downgrades = Object.fromEntries([...REASONS, 'unknown'].map((r) => [r, 0])) as Record<Reason | 'unknown', number>;
    let upgrades = 0;
    for (const row of matrix.municipalities) {
      const change = row.changes.find((c) => c.quarter === quarter);
      if (!change) continue;
      if (change.to > change.from) downgrades[change.reason ?? 'unknown']++;
      else upgrades++;
    }
    return {
      quarter,
      counts,
      municipalitiesWithOffer: counts.green + counts.yellow,
      agreements: {
        active: active.length,
        municipalitiesWithAgreement: perMunicipality.size,
        municipalitiesWithBoth: [...perMunicipality.values()].filter((s) => s.size === 2).length,
      },
      zeroQuota: zeroQuotaByYear.get(Number(quarter.slice(0, 4))) ?? 0,
      downgrades,
      upgrades,
    };
  });
}
