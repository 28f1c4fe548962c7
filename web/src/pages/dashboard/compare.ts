import type { Category } from '../../../../db/domain/category.ts';
import type { CategoryChange, MunicipalityStatus, StatusMatrix } from '../../lib/contract.ts';
import { changeKind, type ChangeKind } from '../../lib/map/paint.ts';

export interface CompareRow {
  code: string;
  name: string;
  regionCode: string;
  from: Category | null;
  to: Category | null;
  kind: ChangeKind;
  /** The recorded changes after `from` up to and including `to`, newest first: their reasons explain the move. */
  reasons: CategoryChange[];
  /** The words given for not assessing it in the later quarter (null when it was assessed). */
  notAssessedReason: string | null;
}

/** One row per municipality: its category in both quarters and the changes in between. */
export function compareRows(
  fromStatuses: MunicipalityStatus[],
  toStatuses: MunicipalityStatus[],
  matrix: StatusMatrix | null,
  from: string,
  to: string,
): CompareRow[] {
  const later = new Map(toStatuses.map((s) => [s.code, s]));
  const changes = new Map((matrix?.municipalities ?? []).map((m) => [m.code, m.changes]));
  return fromStatuses.map((before) => {
    const after = later.get(before.code);
    const between = (changes.get(before.code) ?? []).filter((c) => c.quarter > from && c.quarter <= to).reverse();
    return {
      code: before.code,
      name: before.name,
      regionCode: before.regionCode,
      from: before.category,
      to: after?.category ?? null,
      kind: changeKind(before.category, after?.category ?? null),
      reasons: between,
      notAssessedReason: after && after.category === null ? after.reasonText : null,
    };
  });
}
