/** Typed calls for the reception quotas, and the years an administrator may set them for. */
import { FIRST_QUARTER } from '../../../../db/domain/quarter.ts';
import { COUNT_MAX } from '../../../../db/domain/limits.ts';
import { get, put } from '../../lib/api.ts';
import type { QuotaChange, QuotaRow } from '../../lib/contract.ts';

export const quotasApi = {
  year: (year: number) => get<QuotaRow[]>(`/api/quotas/${year}`),
  save: (year: number, rows: QuotaChange[]) => put<QuotaRow[]>(`/api/quotas/${year}`, { rows }),
};

/** From the programme's first year to next year, the range the server accepts. */
export function quotaYears(now = new Date()): number[] {
  const first = Number(FIRST_QUARTER.slice(0, 4));
  const last = now.getFullYear() + 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function hasData(rows: QuotaRow[]): boolean {
  return rows.some((row) => row.quota !== null || row.zeroQuota);
}

/** The text of a quota field as a number: null when empty, NaN when not a whole number in range. */
export function parseQuota(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= 0 && value <= COUNT_MAX ? value : Number.NaN;
}
