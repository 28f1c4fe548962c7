import { describe, expect, it } from 'vitest';
import type { MunicipalityStatus, StatusMatrix } from '../../../../web/src/lib/contract.ts';
import { compareRows } from '../../../../web/src/pages/dashboard/compare.ts';

const status = (code: string, category: 1 | 2 | 3 | null): MunicipalityStatus =>
  ({ code, name: `Kommune ${code}`, regionCode: '1084', category }) as MunicipalityStatus;

const matrix = {
  municipalities: [
    {
      code: '0101',
      changes: ['2016K3', '2017K1', '2018K4', '2019K1'].map((quarter) => ({ quarter, reason: 'other' })),
    },
  ],
} as unknown as StatusMatrix;

describe('compareRows', () => {
  it('gives each municipality its category in both quarters and the kind of change', () => {
    const rows = compareRows([status('0101', 3), status('0147', 1)], [status('0101', 1), status('0147', 2)], null, '2016K2', '2018K4');
    expect(rows.map((r) => [r.code, r.from, r.to, r.kind])).toEqual([
      ['0101', 3, 1, 'improvedTwo'],
      ['0147', 1, 2, 'worsened'],
    ]);
  });

  it('lists the changes after the first quarter up to and including the second, newest first', () => {
    const [row] = compareRows([status('0101', 3)], [status('0101', 1)], matrix, '2016K3', '2018K4');
    expect(row.reasons.map((c) => c.quarter)).toEqual(['2018K4', '2017K1']);
  });

  it('carries the reason given for not assessing a municipality in the later quarter', () => {
    const later = { ...status('0101', null), reasonText: 'Kontaktperson på orlov' };
    const [row] = compareRows([status('0101', 2)], [later], null, '2016K2', '2018K4');
    expect([row.kind, row.notAssessedReason]).toEqual(['notAssessed', 'Kontaktperson på orlov']);
  });

  it('reads a municipality missing from the later quarter as not assessed', () => {
    const [row] = compareRows([status('0101', 2)], [], null, '2016K2', '2018K4');
    expect([row.to, row.kind, row.reasons]).toEqual([null, 'notAssessed', []]);
  });
});
