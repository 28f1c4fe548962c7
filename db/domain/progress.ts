/**
 * How far a quarter has come, per municipality: the four states the progress bars count. They
 * add up to the municipalities counted, and `remaining` are exactly those that stop the quarter
 * from being finalised.
 */
import type { Category } from './category.ts';

export const PROGRESS_STATES = ['assessed', 'confirmed', 'notAssessed', 'remaining'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export type ProgressCounts = Record<ProgressState, number> & { total: number };

export interface ProgressRow {
  /** Null when the municipality has no row in the quarter. */
  exists: boolean;
  category: Category | null;
  reasonText: string | null;
  carriedOver: boolean;
  /** The category of the quarter before (null when none). */
  previous: Category | null;
}

/**
 * `confirmed`: the category of the quarter before, taken over by someone; `assessed`: a category
 * set this quarter that differs from it (or with none before); `notAssessed`: marked so with a
 * reason; `remaining`: no row yet, a carried-over row nobody confirmed, or "not assessed" without
 * a reason.
 */
export function progressState(row: ProgressRow): ProgressState {
  if (!row.exists || row.carriedOver) return 'remaining';
  if (row.category === null) return row.reasonText ? 'notAssessed' : 'remaining';
  return row.category === row.previous ? 'confirmed' : 'assessed';
}

export function emptyCounts(): ProgressCounts {
  return { total: 0, assessed: 0, confirmed: 0, notAssessed: 0, remaining: 0 };
}
