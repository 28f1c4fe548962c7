/**
 * Read answers cut to what an audience may see (db/domain/audience.ts). Each function takes the
 * full answer of a query and returns a copy without what the audience may not read; hidden fields
 * stay in the answer as null (or an empty list), so every audience gets the same shape.
 */
import { VISIBILITY, type Audience } from '../domain/audience.ts';
import type { Area } from './areas.ts';
import type { StatusMatrix } from './matrix.ts';

interface FreeText {
  note: string | null;
  reasonText?: string | null;
}

function text<T extends FreeText>(row: T, audience: Audience): T {
  if (VISIBILITY[audience].freeText) return row;
  return 'reasonText' in row ? { ...row, note: null, reasonText: null } : { ...row, note: null };
}

function editor<T extends Editor>(row: T, audience: Audience): T {
  return VISIBILITY[audience].editors ? row : { ...row, updatedBy: null };
}

interface Editor {
  updatedBy: string | null;
}

export function visibleStatuses<T extends FreeText & Editor>(rows: readonly T[], audience: Audience): T[] {
  return rows.map((row) => editor(text(row, audience), audience));
}

export function visibleHistory<H extends { quarters: (FreeText & Editor)[]; agreements: FreeText[] }>(history: H, audience: Audience): H {
  return {
    ...history,
    quarters: history.quarters.map((entry) => editor(text(entry, audience), audience)),
    agreements: history.agreements.map((agreement) => text(agreement, audience)),
  };
}

export function visibleMatrix(matrix: StatusMatrix, audience: Audience): StatusMatrix {
  if (VISIBILITY[audience].freeText) return matrix;
  return {
    ...matrix,
    municipalities: matrix.municipalities.map((row) => ({ ...row, changes: row.changes.map((change) => text(change, audience)) })),
  };
}

export function visibleAreas(areas: readonly Area[], audience: Audience): Area[] {
  const { consultantNames, emails } = VISIBILITY[audience];
  return areas.map((area) => ({
    ...area,
    consultants: consultantNames ? area.consultants.map((c) => (emails ? c : { ...c, email: null })) : [],
  }));
}

export function visibleActivities<T extends { note: string | null; createdBy: string | null }>(rows: readonly T[], audience: Audience): T[] {
  return rows.map((row) => {
    const shown = text(row, audience);
    return VISIBILITY[audience].editors ? shown : { ...shown, createdBy: null };
  });
}

export function visibleAgreements<T extends { note: string | null }>(rows: readonly T[], audience: Audience): T[] {
  return rows.map((row) => text(row, audience));
}
