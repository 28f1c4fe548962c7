import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../db/demo/generate.ts';
import { quarterEnd, quarterRange } from '../../../db/domain/quarter.ts';

const dataset = generateDemoDataset();

function historyOf(code: string): string {
  return dataset.statuses
    .filter((s) => s.municipalityCode === code)
    .map((s) => s.category)
    .join('');
}

describe('generateDemoDataset', () => {
  it('is the same on every run', () => {
    expect(generateDemoDataset()).toEqual(dataset);
  });

  it('changes with the seed', () => {
    expect(generateDemoDataset(7).statuses).not.toEqual(dataset.statuses);
  });

  it('covers 2016K2 to 2018K4', () => {
    expect(dataset.quarters.map((q) => q.code)).toEqual(quarterRange('2016K2', '2018K4'));
  });

  it('gets greener over time', () => {
    const greens = (quarter: string) =>
      dataset.statuses.filter((s) => s.quarterCode === quarter && s.category === 1).length;
    const series = dataset.quarters.map((q) => greens(q.code));
    expect(series.at(-1)!).toBeGreaterThan(series[0] * 2);
    for (let i = 1; i < series.length; i++) expect(series[i]).toBeGreaterThanOrEqual(series[i - 1]);
  });

  it('has green municipalities that fall to yellow and recover', () => {
    const codes = [...new Set(dataset.statuses.map((s) => s.municipalityCode))];
    const recovered = codes.filter((code) => /12+1/.test(historyOf(code)));
    expect(recovered.length).toBeGreaterThanOrEqual(3);
  });

  it('gives a reason, and a note, for every change of category', () => {
    const previous = new Map<string, number>();
    let changes = 0;
    for (const status of dataset.statuses) {
      const before = previous.get(status.municipalityCode);
      if (before !== undefined && before !== status.category) {
        changes++;
        expect(status.reason, `${status.municipalityCode} ${status.quarterCode}`).not.toBeNull();
        expect(status.note).toBeTruthy();
        if (status.reason === 'other') expect(status.reasonText).toBeTruthy();
      }
      previous.set(status.municipalityCode, status.category);
    }
    expect(changes).toBeGreaterThan(50);
  });

  it('never marks a municipality red while it has an active agreement', () => {
    for (const status of dataset.statuses.filter((s) => s.category === 3)) {
      const end = quarterEnd(status.quarterCode);
      const active = dataset.agreements.filter(
        (a) => a.municipalityCode === status.municipalityCode && a.signedOn <= end && (a.endedOn === null || a.endedOn > end),
      );
      expect(active, `${status.municipalityCode} ${status.quarterCode}`).toEqual([]);
    }
  });

  it('leaves some municipalities not yet assessed in the first quarter only', () => {
    const assessed = (quarter: string) => dataset.statuses.filter((s) => s.quarterCode === quarter).length;
    expect(assessed('2016K2')).toBeLessThan(98);
    for (const q of dataset.quarters.slice(1)) expect(assessed(q.code)).toBe(98);
  });
});
