/**
 * Where a figure's content comes from: the data (flagged when invented) and, when it shows a map,
 * the boundaries' own credit from the geometry file. One line each; the page, print and every
 * exported figure say the same.
 */
import { i18n } from '../../lib/i18n.svelte.ts';
import { mapCreditLine } from '../../lib/map/map-credit.svelte.ts';

export function sourceLines(dataset: 'demo' | 'live' | undefined, mapLabel: string | null): string[] {
  const demo = dataset === 'demo' ? ` ${i18n.t('app.demo').toUpperCase()}: ${i18n.t('app.demoShort')}.` : '';
  return [`${i18n.t('app.source')}${demo}`, ...(mapLabel ? [mapCreditLine(mapLabel)] : [])];
}
