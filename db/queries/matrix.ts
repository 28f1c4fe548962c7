import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import type { Category } from '../domain/category.ts';
import type { Reason } from '../domain/reason.ts';
import { municipalities, quarters, statuses } from '../schema.ts';
import type { QuarterScope } from './quarters.ts';

export interface CategoryChange {
  quarter: string;
  from: Category;
  to: Category;
  reason: Reason | null;
  reasonText: string | null;
  note: string | null;
}

export interface MunicipalityRow {
  code: string;
  name: string;
  regionCode: string;
  /** One entry per quarter of the matrix, null when not assessed. */
  categories: (Category | null)[];
  /** Every change of category between consecutive quarters of the matrix, with its reason. */
  changes: CategoryChange[];
}

export interface StatusMatrix {
  quarters: string[];
  municipalities: MunicipalityRow[];
}

/**
 * Every municipality's category in every quarter of a range, in one answer: what compare,
 * timeline and trend views need without a request per quarter.
 */
export function statusMatrix(db: Conn, range: { from?: string; to?: string } & QuarterScope = {}): StatusMatrix {
  const quarterCodes = db
    .select({ code: quarters.code })
    .from(quarters)
    .where(range.finalOnly ? eq(quarters.state, 'final') : undefined)
    .orderBy(asc(quarters.year), asc(quarters.quarter))
    .all()
    .map((q) => q.code)
    // Canonical codes ("2016K2" < "2016K3" < "2017K1") sort correctly as text, in SQL and here.
    .filter((code) => (!range.from || code >= range.from) && (!range.to || code <= range.to));
  const index = new Map(quarterCodes.map((code, i) => [code, i]));
  const rows = new Map(
    db
      .select()
      .from(municipalities)
      .orderBy(municipalities.code)
      .all()
      .map((m) => [
        m.code,
        { code: m.code, name: m.name, regionCode: m.regionCode, categories: quarterCodes.map(() => null), changes: [] } as MunicipalityRow,
      ]),
  );
  const details = new Map<string, { reason: Reason | null; reasonText: string | null; note: string | null }>();
  if (quarterCodes.length > 0) {
    const stored = db
      .select({
        quarter: statuses.quarterCode,
        code: statuses.municipalityCode,
        category: statuses.category,
        reason: statuses.reason,
        reasonText: statuses.reasonText,
        note: statuses.note,
      })
      .from(statuses)
      .where(and(gte(statuses.quarterCode, quarterCodes[0]), lte(statuses.quarterCode, quarterCodes.at(-1)!)))
      .all();
    for (const s of stored) {
      const i = index.get(s.quarter);
      const row = rows.get(s.code);
      if (i === undefined || !row) continue;
      row.categories[i] = s.category as Category | null;
      details.set(`${s.quarter}/${s.code}`, { reason: s.reason, reasonText: s.reasonText, note: s.note });
    }
  }
  for (const row of rows.values()) {
    row.categories.forEach((category, i) => {
      const before = i > 0 ? row.categories[i - 1] : null;
      if (before === null || category === null || before === category) return;
      const quarter = quarterCodes[i];
      row.changes.push({ quarter, from: before, to: category, ...details.get(`${quarter}/${row.code}`)! });
    });
  }
  return { quarters: quarterCodes, municipalities: [...rows.values()] };
}

