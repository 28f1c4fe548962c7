/**
 * What each view exports: its figure (title, legend, source) as SVG or PNG, and the CSV of
 * exactly what it shows. Loaded when the user first exports, not with the map.
 */
import { categoryName } from '../../lib/categories.ts';
import { composeFigure, downloadCsv, downloadPng, downloadSvg, type Figure, type FigureFormat } from '../../lib/export.ts';
import { i18n } from '../../lib/i18n.svelte.ts';
import { changePaint, type ChangeKind } from '../../lib/map/paint.ts';
import { compareRows } from './compare.ts';
import type { Dashboard } from './dashboard.svelte.ts';
import { categoryLegend } from './legend.ts';
import { sourceLines } from './sources.ts';

/** "vv-monitor-kort-2018K4.png", marked when the data are invented. */
export function fileName(dashboard: Dashboard, extension: string): string {
  const what =
    dashboard.view === 'compare'
      ? `sammenligning-${dashboard.compareFrom}-${dashboard.compareTo}`
      : dashboard.view === 'trends'
        ? 'udvikling'
        : `kort-${dashboard.quarter}`;
  return `vv-monitor-${what}${dashboard.meta?.dataset === 'demo' ? '-demodata' : ''}.${extension}`;
}

/** Downloads the shown view (map or compare) as CSV, or its figure as SVG or PNG. */
export async function exportView(dashboard: Dashboard, format: FigureFormat, figure: SVGSVGElement | null, mapLabel: string, colourBlind: boolean) {
  if (format === 'csv') return downloadCsv(dashboard.view === 'compare' ? compareCsv(dashboard) : mapCsv(dashboard), fileName(dashboard, 'csv'));
  if (!figure) throw new Error(i18n.t('app.loading'));
  const spec = dashboard.view === 'compare' ? compareFigure(dashboard, colourBlind, mapLabel) : mapFigure(dashboard, colourBlind, mapLabel);
  const svg = composeFigure(figure, spec);
  if (format === 'svg') await downloadSvg(svg, fileName(dashboard, 'svg'));
  else await downloadPng(svg, `${spec.title} – ${spec.subtitle}`, fileName(dashboard, 'png'));
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
    sources: sourceLines(dashboard.meta?.dataset, mapLabel),
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
    sources: sourceLines(dashboard.meta?.dataset, mapLabel),
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
