import { describe, expect, it } from 'vitest';
import { figureValue, signedChange } from '../../../../web/src/pages/report/report-figures.ts';
import type { ReportQuarter } from '../../../../web/src/pages/report/quarterly-report.svelte.ts';

const quarter = {
  code: '2018K4',
  statuses: [],
  summary: {
    quarter: '2018K4',
    counts: { green: 63, yellow: 32, red: 3, notAssessed: 0 },
    municipalitiesWithOffer: 95,
    agreements: { active: 77, municipalitiesWithAgreement: 72, municipalitiesWithBoth: 5 },
    zeroQuota: 12,
  },
  volunteersMissing: null,
} satisfies ReportQuarter;

describe('signedChange', () => {
  it('writes a sign on every change, a true minus, and ±0 for none', () => {
    expect(signedChange(63, 58)).toBe('+5');
    expect(signedChange(3, 24)).toBe('−21');
    expect(signedChange(12, 12)).toBe('±0');
    expect(signedChange(1390, 991)).toBe('+399');
  });

  it('writes a dash when either figure is unknown', () => {
    expect(signedChange(null, 3)).toBe('–');
    expect(signedChange(3, null)).toBe('–');
  });
});

describe('figureValue', () => {
  it('reads each figure from the quarter’s summary', () => {
    expect(figureValue(quarter, 'green')).toBe(63);
    expect(figureValue(quarter, 'offer')).toBe(95);
    expect(figureValue(quarter, 'withAgreement')).toBe(72);
    expect(figureValue(quarter, 'volunteersMissing')).toBeNull();
  });
});
