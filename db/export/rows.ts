/**
 * Every municipality in every quarter of a range, with everything a spreadsheet reader wants
 * beside its status (region, agreements, zero quota, who changed it), so that the file reproduces
 * the published figures. A municipality never assessed in a quarter has a row without a category;
 * the import takes such a row back as nothing to do.
 */
import type { Conn } from '../client.ts';
import type { Category } from '../domain/category.ts';
import type { Reason } from '../domain/reason.ts';
import { listRegions } from '../queries/meta.ts';
import { quarterStatuses } from '../queries/statuses.ts';
import { visibleStatuses } from '../queries/visible.ts';
import type { Audience } from '../domain/audience.ts';
import type { Organisation } from '../domain/organisation.ts';

export interface ExportRow {
  quarter: string;
  /** The municipality has a status in the quarter (possibly an explicit "not assessed"). */
  recorded: boolean;
  code: string;
  name: string;
  regionName: string;
  category: Category | null;
  reason: Reason | null;
  reasonText: string | null;
  note: string | null;
  agreements: Organisation[];
  zeroQuota: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Cut to what the audience may see, like every read (db/domain/audience.ts). */
export function exportRows(db: Conn, quarterCodes: string[], audience: Audience): ExportRow[] {
  const regions = new Map(listRegions(db).map((r) => [r.code, r.name]));
  return quarterCodes.flatMap((quarter) =>
    visibleStatuses(quarterStatuses(db, quarter), audience).map((status) => ({
        quarter,
        recorded: status.version > 0,
        code: status.code,
        name: status.name,
        regionName: regions.get(status.regionCode) ?? status.regionCode,
        category: status.category,
        reason: status.reason,
        reasonText: status.reasonText,
        note: status.note,
        agreements: status.agreements,
        zeroQuota: status.zeroQuota,
        updatedBy: status.updatedBy,
        updatedAt: status.updatedAt,
      })),
  );
}
