/**
 * What a trend chart plots, as plain data: each series knows its label, its value per quarter and
 * how it is drawn, so the chart, its tooltip, its data table and its CSV all list the same numbers.
 */
import type { ScaleBand } from 'd3-scale';
import { symbol, symbolCircle, symbolSquare, symbolTriangle } from 'd3-shape';
import type { QuarterTrend } from '../../../lib/contract.ts';
import type { Dashboard } from '../dashboard.svelte.ts';
import { i18n } from '../../../lib/i18n.svelte.ts';
import type { Paint } from '../../../lib/map/paint.ts';

export type Marker = 'circle' | 'square' | 'triangle';

export interface LineStyle {
  colour: string;
  /** stroke-dasharray; solid when absent. Lines differ in dash and marker, not only in colour. */
  dash?: string;
  marker: Marker;
}

export interface Series {
  key: string;
  label: string;
  /** Danish CSV header in both languages, like the dashboard's other exports. */
  csv: string;
  /** null where the quarter has nothing to show (the first quarter has no quarter before it). */
  value: (trend: QuarterTrend, index: number) => number | null;
  format?: (value: number) => string;
  /** Danish Excel reads "73,5" as a number and "73.5" as a date. */
  csvFormat?: (value: number) => string | number;
  paint?: Paint;
  line?: LineStyle;
  /** false: labelled inside the chart instead of in the legend. */
  legend?: false;
}

/** Drawn with presentation attributes, not CSS, so an exported figure looks like the screen. */
export { FONT_FAMILY as FONT } from '../../../lib/font.ts';
export const INK = '#18222e';
export const INK_SOFT = '#4d5968';
export const GRID = '#d7dde4';

/** Green, yellow, red and not assessed add up to every municipality in the monitoring. */
export function municipalityTotal(trend: QuarterTrend): number {
  const { green, yellow, red, notAssessed } = trend.counts;
  return green + yellow + red + notAssessed;
}

export function offerShare(trend: QuarterTrend): number {
  const total = municipalityTotal(trend);
  return total > 0 ? (trend.municipalitiesWithOffer / total) * 100 : 0;
}

export const percent = (value: number, digits = 1): string =>
  `${value.toLocaleString(i18n.language === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: digits })} %`;

export const csvDecimal = (value: number): string => value.toFixed(1).replace('.', ',');

/** "K2" (Danish) or "Q2" (English): the short axis label, with the year on a second line. */
export function quarterPart(code: string): string {
  return `${i18n.language === 'da' ? 'K' : 'Q'}${code.slice(5)}`;
}

export function csvRows(series: Series[], trends: QuarterTrend[]): (string | number | null)[][] {
  return [
    ['kvartal', ...series.map((s) => s.csv)],
    ...trends.map((trend, i) => [
      trend.quarter,
      ...series.map((s) => {
        const value = s.value(trend, i);
        return value === null ? null : s.csvFormat ? s.csvFormat(value) : value;
      }),
    ]),
  ];
}

export function formatValue(series: Series, value: number | null): string {
  if (value === null) return '–';
  return series.format ? series.format(value) : i18n.number(value);
}

const SYMBOLS = { circle: symbolCircle, square: symbolSquare, triangle: symbolTriangle };

/** A marker path centred on 0,0; size is the marker's area in px². */
export function markerPath(marker: Marker, size: number): string {
  return symbol(SYMBOLS[marker], size)() ?? '';
}

/** Keeps end labels of lines apart: sorted top to bottom, each at least `gap` below the one above. */
export function spreadLabels(positions: number[], gap: number, top: number, bottom: number): number[] {
  const order = positions.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k].y = Math.max(order[k].y, order[k - 1].y + gap);
  const overflow = order.at(-1)!.y - bottom;
  if (overflow > 0) for (const label of order) label.y -= overflow;
  for (let k = order.length - 2; k >= 0; k--) order[k].y = Math.min(order[k].y, order[k + 1].y - gap);
  const result: number[] = [];
  for (const label of order) result[label.i] = Math.max(label.y, top);
  return result;
}

/** What every trend chart is given: the dashboard it sits in, and the quarters to plot. */
export interface ChartProps {
  dashboard: Dashboard;
  trends: QuarterTrend[];
}

/** The plot area a chart draws into, with the quarters' x scale shared by every chart. */
export interface Frame {
  x: ScaleBand<string>;
  top: number;
  bottom: number;
  left: number;
  right: number;
  fontSize: number;
  /** Id prefix of the chart's own PatternDefs. */
  patterns: string;
}

export interface Margin {
  top: number;
  right: number;
  left: number;
}

/** Larger type in meeting mode, for the back of the room. */
export const chartFontSize = (presenting: boolean): number => (presenting ? 17 : 13);
