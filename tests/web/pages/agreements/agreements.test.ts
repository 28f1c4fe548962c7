import { describe, expect, it } from 'vitest';
import type { AgreementRow } from '../../../../web/src/lib/contract.ts';
import { countActive, isActiveOn, today } from '../../../../web/src/pages/agreements/agreements.ts';

const agreement = (municipalityCode: string, organisation: 'RK' | 'DFH', signedOn: string, endedOn: string | null = null) =>
  ({ municipalityCode, organisation, signedOn, endedOn }) as AgreementRow;

describe('isActiveOn', () => {
  it('counts an agreement from the day it is signed', () => {
    expect(isActiveOn(agreement('0101', 'RK', '2016-04-21'), '2016-04-20')).toBe(false);
    expect(isActiveOn(agreement('0101', 'RK', '2016-04-21'), '2016-04-21')).toBe(true);
  });

  it('no longer counts it on the day it ends, as the server does', () => {
    const ended = agreement('0101', 'RK', '2016-04-21', '2018-01-31');
    expect(isActiveOn(ended, '2018-01-30')).toBe(true);
    expect(isActiveOn(ended, '2018-01-31')).toBe(false);
  });
});

describe('countActive', () => {
  it('counts active agreements, the municipalities with one, and those with both organisations', () => {
    const counts = countActive(
      [
        agreement('0101', 'RK', '2016-01-01'),
        agreement('0101', 'DFH', '2016-01-01'),
        agreement('0147', 'RK', '2016-01-01'),
        agreement('0151', 'DFH', '2016-01-01', '2017-01-01'),
        agreement('0153', 'RK', '2030-01-01'),
      ],
      '2018-06-30',
    );
    expect(counts).toEqual({ active: 3, municipalities: 2, withBoth: 1 });
  });
});

describe('today', () => {
  it('is a calendar date', () => {
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
