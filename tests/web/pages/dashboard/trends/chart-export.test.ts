import { afterEach, describe, expect, it } from 'vitest';
import type { QuarterTrend } from '../../../../../web/src/lib/contract.ts';
import { i18n } from '../../../../../web/src/lib/i18n.svelte.ts';
import { figureTitle, fitLegend } from '../../../../../web/src/pages/dashboard/trends/chart-export.ts';

afterEach(() => {
  i18n.language = 'da';
});

describe('figureTitle', () => {
  const trends = [{ quarter: '2016K2' }, { quarter: '2018K4' }] as QuarterTrend[];

  it('adds the range of quarters to the chart’s title', () => {
    expect(figureTitle('Aftaler', trends)).toBe('Aftaler, 2. kvt. 2016–4. kvt. 2018');
    i18n.language = 'en';
    expect(figureTitle('Agreements', trends)).toBe('Agreements, Q2 2016–Q4 2018');
  });

  it('is the title alone without quarters', () => {
    expect(figureTitle('Aftaler', [])).toBe('Aftaler');
  });
});

describe('fitLegend', () => {
  it('keeps a label that fits', () => {
    expect(fitLegend('Aktive aftaler')).toBe('Aktive aftaler');
  });

  it('cuts a long label at a word and marks the cut', () => {
    const label = 'Kommuner hvor aktiviteten er gået i stå hen over sommeren';
    const fitted = fitLegend(label);
    expect(fitted.length).toBeLessThanOrEqual(37);
    expect(fitted.endsWith('…')).toBe(true);
    expect(label.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(fitted.at(-2)).not.toBe(' ');
  });

  it('may cut after a slash', () => {
    expect(fitLegend('Frivillige/ansatte/koordinatorer/ledere i alt')).toBe('Frivillige/ansatte/koordinatorer/…');
  });
});
