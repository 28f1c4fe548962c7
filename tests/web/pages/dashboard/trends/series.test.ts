import { afterEach, describe, expect, it } from 'vitest';
import type { QuarterTrend } from '../../../../../web/src/lib/contract.ts';
import { i18n } from '../../../../../web/src/lib/i18n.svelte.ts';
import {
  csvDecimal,
  csvRows,
  formatValue,
  markerPath,
  municipalityTotal,
  offerShare,
  quarterPart,
  spreadLabels,
  type Series,
} from '../../../../../web/src/pages/dashboard/trends/series.ts';

afterEach(() => {
  i18n.language = 'da';
});

const trend = (quarter: string, withOffer: number) =>
  ({ quarter, counts: { green: 60, yellow: 30, red: 3, notAssessed: 5 }, municipalitiesWithOffer: withOffer }) as unknown as QuarterTrend;

describe('municipalityTotal and offerShare', () => {
  it('count every municipality in the monitoring and the share of them with an offer', () => {
    expect(municipalityTotal(trend('2018K4', 49))).toBe(98);
    expect(offerShare(trend('2018K4', 49))).toBe(50);
  });

  it('give no share of nothing', () => {
    const empty = { ...trend('2018K4', 0), counts: { green: 0, yellow: 0, red: 0, notAssessed: 0 } } as QuarterTrend;
    expect(offerShare(empty)).toBe(0);
  });
});

describe('number formats', () => {
  it('write a decimal comma for Danish Excel', () => {
    expect(csvDecimal(73.46)).toBe('73,5');
  });

  it('label a quarter on the axis in the interface language', () => {
    expect(quarterPart('2018K4')).toBe('K4');
    i18n.language = 'en';
    expect(quarterPart('2018K4')).toBe('Q4');
  });
});

const series: Series[] = [
  { key: 'offer', label: 'Tilbud', csv: 'tilbud_pct', value: (t) => offerShare(t), format: (v) => `${v} %`, csvFormat: csvDecimal },
  { key: 'change', label: 'Ændring', csv: 'aendring', value: (_, i) => (i === 0 ? null : i) },
];

describe('csvRows', () => {
  it('writes one row per quarter with each series’ value, empty where a quarter has none', () => {
    expect(csvRows(series, [trend('2018K3', 49), trend('2018K4', 98)])).toEqual([
      ['kvartal', 'tilbud_pct', 'aendring'],
      ['2018K3', '50,0', null],
      ['2018K4', '100,0', 1],
    ]);
  });
});

describe('formatValue', () => {
  it('uses the series’ own format, the language’s number format, or a dash for no value', () => {
    expect(formatValue(series[0], 50)).toBe('50 %');
    expect(formatValue(series[1], 1200)).toBe('1.200');
    expect(formatValue(series[1], null)).toBe('–');
  });
});

describe('markerPath', () => {
  it('draws each marker as its own path around 0,0', () => {
    const paths = (['circle', 'square', 'triangle'] as const).map((marker) => markerPath(marker, 40));
    for (const path of paths) expect(path).toMatch(/^M-?\d/);
    expect(new Set(paths).size).toBe(3);
  });
});

describe('spreadLabels', () => {
  it('keeps labels in place when they are far enough apart', () => {
    expect(spreadLabels([10, 50, 90], 12, 0, 100)).toEqual([10, 50, 90]);
  });

  it('pushes crowded labels apart, keeping their order', () => {
    const [a, b, c] = spreadLabels([50, 52, 51], 10, 0, 100);
    expect(a).toBe(50);
    expect(c - a).toBeGreaterThanOrEqual(10);
    expect(b - c).toBeGreaterThanOrEqual(10);
  });

  it('moves the labels up rather than past the bottom, and never above the top', () => {
    const spread = spreadLabels([95, 96, 97], 10, 0, 100);
    expect(Math.max(...spread)).toBeLessThanOrEqual(100);
    expect(Math.min(...spread)).toBeGreaterThanOrEqual(0);
  });
});
