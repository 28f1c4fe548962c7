/**
 * The cover's key figures: each with its value in the report's quarter and its change from the
 * quarter before and from the first quarter ("+5", "−3", "±0"), so the following group sees at once
 * where things moved.
 */
import { i18n } from '../../lib/i18n.svelte.ts';
import type { ReportQuarter } from './quarterly-report.svelte.ts';

export const FIGURES = ['green', 'yellow', 'red', 'notAssessed', 'offer', 'agreements', 'withAgreement', 'zeroQuota', 'volunteersMissing'] as const;
export type FigureKey = (typeof FIGURES)[number];

export function figureValue(quarter: ReportQuarter, key: FigureKey): number | null {
  const { summary } = quarter;
  switch (key) {
    case 'green':
    case 'yellow':
    case 'red':
    case 'notAssessed':
      return summary.counts[key];
    case 'offer':
      return summary.municipalitiesWithOffer;
    case 'agreements':
      return summary.agreements.active;
    case 'withAgreement':
      return summary.agreements.municipalitiesWithAgreement;
    case 'zeroQuota':
      return summary.zeroQuota;
    case 'volunteersMissing':
      return quarter.volunteersMissing;
  }
}

/** A change as the report writes it: a sign always (a true minus), "±0" for none, "–" when unknown. */
export function signedChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '–';
  const change = now - before;
  if (change === 0) return '±0';
  return `${change > 0 ? '+' : '−'}${i18n.number(Math.abs(change))}`;
}
