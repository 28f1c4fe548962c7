import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { quarterEnd, quarterStart } from '../domain/quarter.ts';
import { municipalities, supportActivities } from '../schema.ts';

export interface ActivityFilter {
  municipalityCode?: string;
  quarterCode?: string;
}

export function listActivities(db: Conn, filter: ActivityFilter = {}) {
  return db
    .select({
      id: supportActivities.id,
      municipalityCode: supportActivities.municipalityCode,
      municipalityName: municipalities.name,
      kind: supportActivities.kind,
      happenedOn: supportActivities.happenedOn,
      participants: supportActivities.participants,
      note: supportActivities.note,
      createdBy: supportActivities.createdBy,
      createdAt: supportActivities.createdAt,
    })
    .from(supportActivities)
    .innerJoin(municipalities, eq(municipalities.code, supportActivities.municipalityCode))
    .where(
      and(
        filter.municipalityCode ? eq(supportActivities.municipalityCode, filter.municipalityCode) : undefined,
        filter.quarterCode ? gte(supportActivities.happenedOn, quarterStart(filter.quarterCode)) : undefined,
        filter.quarterCode ? lte(supportActivities.happenedOn, quarterEnd(filter.quarterCode)) : undefined,
      ),
    )
    .orderBy(desc(supportActivities.happenedOn), desc(supportActivities.id))
    .all();
}

/** Activities per municipality within a quarter. */
export function activityCounts(db: Conn, quarterCode: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of db
    .select({ code: supportActivities.municipalityCode })
    .from(supportActivities)
    .where(and(gte(supportActivities.happenedOn, quarterStart(quarterCode)), lte(supportActivities.happenedOn, quarterEnd(quarterCode))))
    .all()) {
    counts.set(row.code, (counts.get(row.code) ?? 0) + 1);
  }
  return counts;
}
