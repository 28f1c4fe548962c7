import { and, count, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import type { Organisation } from '../domain/organisation.ts';
import { agreements, municipalities } from '../schema.ts';

/**
 * An agreement is active on a day when it was signed on or before that day and has not ended by
 * then. Quarters are judged on their last day, so an agreement signed on 30 June counts for K2.
 */
export function activeOn(isoDate: string) {
  return and(lte(agreements.signedOn, isoDate), or(isNull(agreements.endedOn), gt(agreements.endedOn, isoDate)));
}

/** Active organisations per municipality code on a day, e.g. { "0101": ["DFH", "RK"] }. */
export function activeOrganisations(db: Conn, isoDate: string): Map<string, Organisation[]> {
  // Sorted here, not with ORDER BY: to return rows in order SQLite would walk every agreement
  // through the municipality index instead of reading only the active ones (agreements_active_idx).
  const rows = db
    .select({ code: agreements.municipalityCode, organisation: agreements.organisation })
    .from(agreements)
    .where(activeOn(isoDate))
    .all()
    .sort((a, b) => compareText(a.code, b.code) || compareText(a.organisation, b.organisation));
  const byMunicipality = new Map<string, Organisation[]>();
  for (const { code, organisation } of rows) {
    const list = byMunicipality.get(code) ?? [];
    if (!list.includes(organisation)) list.push(organisation);
    byMunicipality.set(code, list);
  }
  return byMunicipality;
}

export function agreementCounts(db: Conn, isoDate: string) {
  const active = db.select({ n: count() }).from(agreements).where(activeOn(isoDate)).get()!.n;
  const organisations = [...activeOrganisations(db, isoDate).values()];
  return {
    active,
    municipalitiesWithAgreement: organisations.length,
    municipalitiesWithBoth: organisations.filter((list) => list.length === 2).length,
  };
}

export function municipalityAgreements(db: Conn, code: string) {
  return db
    .select({
      id: agreements.id,
      organisation: agreements.organisation,
      signedOn: agreements.signedOn,
      endedOn: agreements.endedOn,
      note: agreements.note,
    })
    .from(agreements)
    .where(eq(agreements.municipalityCode, code))
    .orderBy(agreements.signedOn, agreements.id)
    .all();
}

export function findAgreement(db: Conn, id: number) {
  return db.select({ id: agreements.id, municipalityCode: agreements.municipalityCode }).from(agreements).where(eq(agreements.id, id)).get();
}

export interface AgreementFilter {
  municipalityCode?: string;
  organisation?: Organisation;
  /** Only agreements active on this day. */
  activeOn?: string;
}

export function listAgreements(db: Conn, filter: AgreementFilter = {}) {
  return db
    .select({
      id: agreements.id,
      municipalityCode: agreements.municipalityCode,
      municipalityName: municipalities.name,
      organisation: agreements.organisation,
      signedOn: agreements.signedOn,
      endedOn: agreements.endedOn,
      note: agreements.note,
      updatedAt: agreements.updatedAt,
    })
    .from(agreements)
    .innerJoin(municipalities, eq(municipalities.code, agreements.municipalityCode))
    .where(
      and(
        filter.municipalityCode ? eq(agreements.municipalityCode, filter.municipalityCode) : undefined,
        filter.organisation ? eq(agreements.organisation, filter.organisation) : undefined,
        filter.activeOn ? activeOn(filter.activeOn) : undefined,
      ),
    )
    .orderBy(municipalities.name, agreements.signedOn)
    .all();
}

/** SQLite's default (binary) text order, which ORDER BY used: codes and organisations are ASCII. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
