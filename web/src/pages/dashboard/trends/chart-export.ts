/**
 * A trend chart's own exports: its figure (title with the quarter range, the chart's one-line
 * definition, its legend, the data source) as SVG or PNG, and its numbers as CSV.
 */
import type { QuarterTrend } from '../../../lib/contract.ts';
import { composeFigure, downloadCsv, downloadPng, downloadSvg, type FigureFormat } from '../../../lib/export.ts';
import { i18n } from '../../../lib/i18n.svelte.ts';
import { sourceLines } from '../sources.ts';
import { csvRows, type Series } from './series.ts';

export interface ChartExport {
  /** Names the chart in file names ("aftaler"). */
  slug: string;
  title: string;
  definition: string;
  series: Series[];
  trends: QuarterTrend[];
  dataset: 'demo' | 'live' | undefined;
}

/** "Aftaler, 2. kvt. 2016–4. kvt. 2018". */
export function figureTitle(title: string, trends: QuarterTrend[]): string {
  return trends.length > 0 ? `${title}, ${i18n.quarter(trends[0].quarter)}–${i18n.quarter(trends.at(-1)!.quarter)}` : title;
}

/** The figure's legend column holds about 37 characters and does not wrap; the table and CSV keep the full text. */
export function fitLegend(label: string): string {
  if (label.length <= 37) return label;
  const cut = label.slice(0, 36);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('/') + 1)).trimEnd()}…`;
}

export async function exportChart(chart: ChartExport, format: FigureFormat, svg: SVGSVGElement | undefined): Promise<void> {
  const fileName = (extension: string) => `vv-monitor-udvikling-${chart.slug}${chart.dataset === 'demo' ? '-demodata' : ''}.${extension}`;
  if (format === 'csv') return downloadCsv(csvRows(chart.series, chart.trends), fileName('csv'));
  if (!svg) throw new Error(i18n.t('app.loading'));
  const title = figureTitle(chart.title, chart.trends);
  const figure = composeFigure(svg, {
    title,
    subtitle: chart.definition,
    legend: chart.series.filter((s) => s.legend !== false && s.paint).map((s) => ({ paint: s.paint!, label: fitLegend(s.label) })),
    // A chart of counts: no map, so no map credit.
    sources: sourceLines(chart.dataset, null),
  });
  if (format === 'svg') await downloadSvg(figure, fileName('svg'));
  // PNG text is Latin-1: the en dash of the quarter range would arrive as "?".
  else await downloadPng(figure, `${title} - ${chart.definition}`.replaceAll('–', '-'), fileName('png'));
}
