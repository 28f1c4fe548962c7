import { and, eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import type { Category } from '../domain/category.ts';
import { quarters, statuses } from '../schema.ts';
import { municipalityAgreements } from './agreements.ts';
import { cachedRead } from './cache.ts';
import { findMunicipality } from './municipalities.ts';
import { municipalityQuotas } from './quotas.ts';
import type { QuarterScope } from './quarters.ts';

/** One municipality's story: every quarter (assessed or not), its agreements and quota years. */
export function municipalityHistory(db: Conn, code: string, { finalOnly = false }: QuarterScope = {}) {
  return cachedRead(db, `history:${code}:${finalOnly}`, () => readMunicipalityHistory(db, code, finalOnly));
}

function readMunicipalityHistory(db: Conn, code: string, finalOnly: boolean) {
  const municipality = findMunicipality(db, code);
  if (!municipality) return undefined;
  const entries = db
    .select({
      quarter: quarters.code,
      state: quarters.state,
      category: statuses.category,
      reason: statuses.reason,
      reasonText: statuses.reasonText,
      note: statuses.note,
      updatedBy: statuses.updatedBy,
      updatedAt: statuses.updatedAt,
    })
    .from(quarters)
    .leftJoin(statuses, and(eq(statuses.quarterCode, quarters.code), eq(statuses.municipalityCode, code)))
    .where(finalOnly ? eq(quarters.state, 'final') : undefined)
    .orderBy(quarters.year, quarters.quarter)
    .all();
  return {
    municipality,
    quarters: entries.map((e) => ({ ...e, category: e.category as Category | null })),
    agreements: municipalityAgreements(db, code),
    quotas: municipalityQuotas(db, code),
  };
}
