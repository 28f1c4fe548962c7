import { eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { MEASURES, type Measure } from '../domain/recruitment.ts';
import { municipalities, recruitmentMeasures } from '../schema.ts';

/** The 98 municipalities' recruitment numbers for a quarter, and the national sums. */
export function quarterRecruitment(db: Conn, quarterCode: string) {
  const stored = new Map(
    db
      .select()
      .from(recruitmentMeasures)
      .where(eq(recruitmentMeasures.quarterCode, quarterCode))
      .all()
      .map((r) => [r.municipalityCode, r]),
  );
  const rows = db
    .select({ code: municipalities.code, name: municipalities.name, regionCode: municipalities.regionCode })
    .from(municipalities)
    .orderBy(municipalities.code)
    .all()
    .map((m) => {
      const r = stored.get(m.code);
      return {
        ...m,
        refugeesWaiting: r?.refugeesWaiting ?? null,
        volunteersMissing: r?.volunteersMissing ?? null,
        activeMatches: r?.activeMatches ?? null,
        newMatches: r?.newMatches ?? null,
      };
    });
  const sum = (key: Measure) => rows.reduce((total, r) => total + (r[key] ?? 0), 0);
  return {
    rows,
    totals: {
      refugeesWaiting: sum('refugeesWaiting'),
      volunteersMissing: sum('volunteersMissing'),
      activeMatches: sum('activeMatches'),
      newMatches: sum('newMatches'),
      // Municipalities that reported any number: a row saved with every number cleared is not a report.
      reporting: rows.filter((r) => MEASURES.some((m) => r[m] !== null)).length,
    },
  };
}

/** One municipality's numbers (the pages name the row by this type). */
export type RecruitmentRow = ReturnType<typeof quarterRecruitment>['rows'][number];
