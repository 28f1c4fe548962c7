/**
 * A quarter's progress nationally and per consultant area (db/domain/progress.ts), with the
 * municipalities still to settle: what the quarter page, a consultant's start page and the
 * reminders show.
 */
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Conn } from '../client.ts';
import type { Category } from '../domain/category.ts';
import { emptyCounts, progressState, type ProgressCounts } from '../domain/progress.ts';
import { previousQuarter } from '../domain/quarter.ts';
import { areaMunicipalities, areas, municipalities, statuses } from '../schema.ts';
import { cachedRead } from './cache.ts';

export interface UnsettledMunicipality {
  code: string;
  name: string;
}

export interface AreaProgress extends ProgressCounts {
  id: number;
  name: string;
  /** The municipalities of the area still to settle, by code. */
  unsettled: UnsettledMunicipality[];
}

export interface QuarterProgress {
  national: ProgressCounts;
  areas: AreaProgress[];
}

export function quarterProgress(db: Conn, quarterCode: string): QuarterProgress {
  return cachedRead(db, `progress:${quarterCode}`, () => readProgress(db, quarterCode));
}

function readProgress(db: Conn, quarterCode: string): QuarterProgress {
  const before = alias(statuses, 'before');
  const rows = db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      areaId: areaMunicipalities.areaId,
      version: statuses.version,
      category: statuses.category,
      reasonText: statuses.reasonText,
      carriedOver: statuses.carriedOver,
      previous: before.category,
    })
    .from(municipalities)
    .leftJoin(statuses, and(eq(statuses.municipalityCode, municipalities.code), eq(statuses.quarterCode, quarterCode)))
    .leftJoin(before, and(eq(before.municipalityCode, municipalities.code), eq(before.quarterCode, previousQuarter(quarterCode))))
    .leftJoin(areaMunicipalities, eq(areaMunicipalities.municipalityCode, municipalities.code))
    .orderBy(municipalities.code)
    .all();
  const national = emptyCounts();
  const byArea = new Map<number, AreaProgress>(
    db
      .select()
      .from(areas)
      .orderBy(areas.name)
      .all()
      .map((area) => [area.id, { id: area.id, name: area.name, ...emptyCounts(), unsettled: [] }]),
  );
  for (const row of rows) {
    const state = progressState({
      exists: row.version !== null,
      category: row.category as Category | null,
      reasonText: row.reasonText,
      carriedOver: row.carriedOver ?? false,
      previous: row.previous as Category | null,
    });
    const area = row.areaId === null ? undefined : byArea.get(row.areaId);
    for (const counts of area ? [national, area] : [national]) {
      counts.total += 1;
      counts[state] += 1;
    }
    if (area && state === 'remaining') area.unsettled.push({ code: row.code, name: row.name });
  }
  return { national, areas: [...byArea.values()] };
}
