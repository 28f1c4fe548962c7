/**
 * What each view exports: its figure (title, legend, source) and the CSV of exactly what it shows.
 */
import { categoryName } from '../../lib/categories.ts';
import type { Figure } from '../../lib/export.ts';
import { i18n } from '../../lib/i18n.svelte.ts';
import { mapCreditLine } from '../../lib/map/map-credit.svelte.ts';
import { changePaint, type ChangeKind } from '../../lib/map/paint.ts';
import { compareRows } from './compare.ts';
import type { Dashboard } from './dashboard.svelte.ts';
import { categoryLegend } from './legend.ts';

/**
 * Where a figure's content comes from: the data (flagged when invented) and, when it shows a map,
 * the boundaries' own credit from the geometry file. One line each.
 */
export function sourceLines(dashboard: Dashboard, mapLabel: string | null): string[] {
  const demo = dashboard.meta?.dataset === 'demo' ? ` ${i18n.t('app.demo').toUpperCase()}: ${i18n.t('app.demoShort')}.` : '';
  return [`${i18n.t('app.source')}${demo}`, ...(mapLabel ? [mapCreditLine(mapLabel)] : [])];
}

export function mapFigure(dashboard: Dashboard, colourBlind: boolean, mapLabel: string): Figure {
  const { summary } = dashboard.data!;
  return {
    title: i18n.t('export.mapTitle'),
    subtitle: i18n.quarter(dashboard.quarter!),
    legend: categoryLegend(summary.counts, summary.zeroQuota, colourBlind, undefined).map((item) => ({
      paint: item.paint,
      zeroQuota: item.zeroQuota,
      label: item.label,
      count: item.count,
    })),
    sources: sourceLines(dashboard, mapLabel),
  };
}

export function mapCsv(dashboard: Dashboard): (string | number | null)[][] {
  const regions = new Map(dashboard.meta?.regions.map((r) => [r.code, r.name]));
  return [
    ['kvartal', 'kommunekode', 'kommune', 'region', 'kategori', 'kategori_tekst', 'aftaler', '0-kvote'],
    ...dashboard.data!.statuses.map((s) => [
      dashboard.quarter!,
      s.code,
      s.name,
      regions.get(s.regionCode) ?? s.regionCode,
      s.category,
      i18n.t(categoryName(s.category)),
      s.agreements.join('+'),
      s.zeroQuota ? 'ja' : 'nej',
    ]),
  ];
}

const KINDS: ChangeKind[] = ['improved', 'worsened', 'unchanged', 'newlyAssessed', 'notAssessed'];

export function compareFigure(dashboard: Dashboard, colourBlind: boolean, mapLabel: string): Figure {
  const rows = compareData(dashboard);
  return {
    title: i18n.t('export.compareTitle'),
    subtitle: i18n.t('compare.changeTitle', { from: i18n.quarter(dashboard.compareFrom!), to: i18n.quarter(dashboard.compareTo!) }),
    legend: KINDS.map((kind) => ({
      paint: changePaint(kind, colourBlind),
      label: i18n.t(`change.${kind}`),
      count: rows.filter((r) => r.kind === kind).length,
    })),
    sources: sourceLines(dashboard, mapLabel),
  };
}

export function compareCsv(dashboard: Dashboard): (string | number | null)[][] {
  const reasonLabel = (code: string | null) => {
    const label = dashboard.meta?.reasons.find((r) => r.code === code)?.label;
    return label ? i18n.label(label) : (code ?? '');
  };
  return [
    ['kommunekode', 'kommune', `kategori_${dashboard.compareFrom}`, `kategori_${dashboard.compareTo}`, 'ændring', 'årsager'],
    ...compareData(dashboard).map((row) => [
      row.code,
      row.name,
      row.from,
      row.to,
      i18n.t(`change.${row.kind}`),
      row.reasons.map((r) => `${r.quarter}: ${reasonLabel(r.reason)}${r.reasonText ? ` (${r.reasonText})` : ''}`).join('; '),
    ]),
  ];
}

function compareData(dashboard: Dashboard) {
  const data = dashboard.compareData!;
  return compareRows(data.from.statuses, data.to.statuses, dashboard.matrix, dashboard.compareFrom!, dashboard.compareTo!);
}
