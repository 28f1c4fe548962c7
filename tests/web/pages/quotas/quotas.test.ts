import { describe, expect, it } from 'vitest';
import { COUNT_MAX } from '../../../../db/domain/limits.ts';
import { FIRST_QUARTER } from '../../../../db/domain/quarter.ts';
import type { QuotaRow } from '../../../../web/src/lib/contract.ts';
import { hasData, parseQuota, quotaYears } from '../../../../web/src/pages/quotas/quotas.ts';

describe('parseQuota', () => {
  it('reads a whole number, with spaces around it', () => {
    expect(parseQuota(' 15 ')).toBe(15);
    expect(parseQuota('0')).toBe(0);
    expect(parseQuota(String(COUNT_MAX))).toBe(COUNT_MAX);
  });

  it('reads an empty field as no quota', () => {
    expect(parseQuota('')).toBeNull();
    expect(parseQuota('   ')).toBeNull();
  });

  it('refuses fractions, negatives, words and numbers over the limit', () => {
    for (const text of ['1.5', '-1', 'ti', String(COUNT_MAX + 1)]) expect(parseQuota(text), text).toBeNaN();
  });
});

describe('quotaYears', () => {
  it('runs from the programme’s first year to next year', () => {
    const years = quotaYears(new Date('2026-11-30T12:00:00Z'));
    expect(years[0]).toBe(Number(FIRST_QUARTER.slice(0, 4)));
    expect(years.at(-1)).toBe(2027);
    expect(years).toEqual([...years].sort());
  });
});

describe('hasData', () => {
  it('is true when any municipality has a quota or a zero quota', () => {
    const row = (quota: number | null, zeroQuota: boolean) => ({ quota, zeroQuota }) as QuotaRow;
    expect(hasData([row(null, false), row(null, false)])).toBe(false);
    expect(hasData([row(null, false), row(12, false)])).toBe(true);
    expect(hasData([row(null, true)])).toBe(true);
  });
});
