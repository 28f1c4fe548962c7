import type { Conn } from '../client.ts';
import { comparePriority, prioritise } from '../domain/priority.ts';
import { previousQuarter, quarterEnd } from '../domain/quarter.ts';
import { activeOrganisations } from './agreements.ts';
import { listAreas } from './areas.ts';
import { statusMatrix } from './matrix.ts';
import type { QuarterScope } from './quarters.ts';
import { quarterRecruitment } from './recruitment.ts';
import { activityCounts } from './support.ts';

/** Every municipality for a quarter, most in need of support first (db/domain/priority.ts). */
export function priorityList(db: Conn, quarterCode: string, scope: QuarterScope = {}) {
  const matrix = statusMatrix(db, { to: quarterCode, ...scope });
  const organisations = activeOrganisations(db, quarterEnd(quarterCode));
  const volunteers = new Map(quarterRecruitment(db, quarterCode).rows.map((r) => [r.code, r.volunteersMissing]));
  const thisQuarter = activityCounts(db, quarterCode);
  const lastQuarter = activityCounts(db, previousQuarter(quarterCode));
  const areaOf = new Map(listAreas(db).flatMap((area) => area.municipalityCodes.map((code) => [code, area] as const)));
  return matrix.municipalities
    .map((m) => {
      const area = areaOf.get(m.code);
      return {
        ...prioritise({
          code: m.code,
          name: m.name,
          categories: m.categories,
          hasActiveAgreement: (organisations.get(m.code) ?? []).length > 0,
          volunteersMissing: volunteers.get(m.code) ?? null,
          activitiesThisQuarter: thisQuarter.get(m.code) ?? 0,
          activitiesLastQuarter: lastQuarter.get(m.code) ?? 0,
        }),
        regionCode: m.regionCode,
        areaId: area?.id ?? null,
        areaName: area?.name ?? null,
      };
    })
    .sort(comparePriority);
}
