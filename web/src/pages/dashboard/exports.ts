/**
 * What each view exports: its figure (title, legend, source) as SVG or PNG, and the CSV of
 * exactly what it shows. Loaded when the user first exports, not with the map.
 */
import { categoryName } from '../../lib/categories.ts';
import { composeFigure, downloadCsv, downloadPng, downloadSvg, type Figure, type FigureFormat } from '../../lib/export.ts';
import { i18n } from '../../lib/i18n.svelte.ts';
import { CHANGE_KINDS, categoryPaint, changePaint } from '../../lib/map/paint.ts';
import { compareRows } from './compare.ts';
import type { Dashboard } from './dashboard.svelte.ts';
import { categoryLegend } from './legend.ts';
import { sourceLines } from './sources.ts';
import { transitionTable } from './transitions/transitions.ts';

/** "vv-monitor-kort-2018K4.png", marked when the data are invented. */
export function fileName(dashboard: Dashboard, extension: string): string {
  const what =
    dashboard.view === 'compare'
      ? `sammenligning-${dashboard.compareFrom}-${dashboard.compareTo}`
      : dashboard.view === 'transitions'
        ? `bevaegelser-${dashboard.compareFrom}-${dashboard.compareTo}${dashboard.transitionSteps ? '-kvartalsskift' : ''}`
        : dashboard.view === 'trends'
        ? 'udvikling'
        : `kort-${dashboard.quarter}`;
  return `vv-monitor-${what}${dashboard.meta?.dataset === 'demo' ? '-demodata' : ''}.${extension}`;
}

/** Downloads the shown view (map or compare) as CSV, or its figure as SVG or PNG. */
export async function exportView(dashboard: Dashboard, format: FigureFormat, figure: SVGSVGElement | null, mapLabel: string, colourBlind: boolean) {
  if (format === 'csv') {
    const rows = dashboard.view === 'compare' ? compareCsv(dashboard) : dashboard.view === 'transitions' ? transitionsCsv(dashboard) : mapCsv(dashboard);
    return downloadCsv(rows, fileName(dashboard, 'csv'));
  }
  if (!figure) throw new Error(i18n.t('app.loading'));
  const spec =
    dashboard.view === 'compare'
      ? compareFigure(dashboard, colourBlind, mapLabel)
      : dashboard.view === 'transitions'
        ? transitionsFigure(dashboard, colourBlind)
        : mapFigure(dashboard, colourBlind, mapLabel);
  const svg = composeFigure(dashboard.view === 'compare' ? compareMaps(figure) : figure, spec);
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

const KINDS = CHANGE_KINDS;

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

/** The flow diagram: the category colours as its legend; it draws no map, so owes no map credit. */
export function transitionsFigure(dashboard: Dashboard, colourBlind: boolean): Figure {
  const from = i18n.quarter(dashboard.compareFrom!);
  const to = i18n.quarter(dashboard.compareTo!);
  return {
    title: i18n.t('view.transitions'),
    subtitle: i18n.t('transitions.title', { from, to }),
    legend: ([1, 2, 3, null] as const).map((category) => ({ paint: categoryPaint(category, colourBlind), label: i18n.t(categoryName(category)) })),
    sources: sourceLines(dashboard.meta?.dataset, null),
  };
}

/** Every move of the shown table: one line per municipality (and step), with both categories. */
export function transitionsCsv(dashboard: Dashboard): (string | number | null)[][] {
  const table = transitionTable(dashboard.matrix!, dashboard.compareFrom!, dashboard.compareTo!, dashboard.transitionSteps);
  const code = (state: number | 'none') => (state === 'none' ? null : state);
  return [
    ['kvartal', 'kommunekode', 'kommune', 'kategori_før', 'kategori_efter'],
    ...table.flows.flatMap((flow) => flow.moves.map((move) => [move.quarter, move.code, move.name, code(flow.from), code(flow.to)])),
  ];
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The comparison's figure: both quarters' maps and the change map side by side, each under its
 * heading, at one height, so the file tells the before-and-after story on its own.
 */
export function compareMaps(changeMap: SVGSVGElement): SVGSVGElement {
  const parts = [...(changeMap.closest('.compare')?.querySelectorAll<SVGSVGElement>('svg[data-map]') ?? [changeMap])];
  const HEIGHT = 1000;
  const TITLE = 60;
  const GAP = 40;
  const combined = document.createElementNS(SVG, 'svg');
  let x = 0;
  for (const part of parts) {
    const box = part.viewBox.baseVal;
    const width = box.width * (HEIGHT / box.height) * (part === changeMap ? 1.4 : 1);
    const height = part === changeMap ? HEIGHT * 1.4 : HEIGHT;
    const title = document.createElementNS(SVG, 'text');
    title.setAttribute('x', String(x));
    title.setAttribute('y', '40');
    title.setAttribute('font-size', '40');
    title.setAttribute('font-weight', '700');
    title.textContent = part.closest('section')?.querySelector('h2')?.textContent?.trim() ?? '';
    const copy = part.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', String(x));
    copy.setAttribute('y', String(TITLE));
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
    combined.append(title, copy);
    x += width + GAP;
  }
  const height = TITLE + HEIGHT * (parts.length > 1 ? 1.4 : 1);
  combined.setAttribute('viewBox', `0 0 ${x - GAP} ${height}`);
  return combined;
}
