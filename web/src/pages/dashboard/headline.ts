/**
 * The sentence that says what a picture shows, for the meeting room and the printed page: "63 af
 * 98 kommuner er grønne i 4. kvt. 2018 – 5 flere end kvartalet før". A sentence rather than a
 * title, so a glance tells the point without reading the legend.
 */
import { i18n } from '../../lib/i18n.svelte.ts';
import type { ChangeKind } from '../../lib/map/paint.ts';
import { compareRows } from './compare.ts';
import type { Dashboard } from './dashboard.svelte.ts';
import { t } from './messages.ts';

/** The map of a quarter: how many are green, and how that differs from the quarter before. */
export function mapHeadline(quarter: string, green: number, total: number, previousGreen: number | null): string {
  const values = { n: i18n.number(green), total: i18n.number(total), quarter: i18n.quarter(quarter) };
  const sentence = green === 1 ? t('greenIn1', values) : t('greenIn', values);
  if (previousGreen === null) return sentence;
  const difference = green - previousGreen;
  const change =
    difference === 0
      ? t('same')
      : t(`${difference > 0 ? 'more' : 'fewer'}${Math.abs(difference) === 1 ? '.one' : ''}`, { n: i18n.number(Math.abs(difference)) });
  return `${sentence} – ${change}`;
}

/** The comparison of two quarters: how many moved up and how many down. */
export function compareHeadline(from: string, to: string, kinds: ChangeKind[]): string {
  // One step or two (red ↔ green), a move up is a move up.
  const count = (...wanted: ChangeKind[]) => i18n.number(kinds.filter((k) => wanted.includes(k)).length);
  return t('changed', { from: i18n.quarter(from), to: i18n.quarter(to), improved: count('improved', 'improvedTwo'), worsened: count('worsened', 'worsenedTwo') });
}

/** The trend charts: the green municipalities at the first and the last quarter. */
export function trendHeadline(first: { quarter: string; green: number }, last: { quarter: string; green: number }): string {
  return t('trend', {
    first: i18n.number(first.green),
    firstQuarter: i18n.quarter(first.quarter),
    last: i18n.number(last.green),
    lastQuarter: i18n.quarter(last.quarter),
  });
}

/** Which quarter (or pair of quarters) the dashboard's view shows, or "Udvikling". */
export function viewSubject(dashboard: Dashboard): string {
  if (dashboard.view === 'compare' && dashboard.compareFrom && dashboard.compareTo) {
    return i18n.t('compare.changeTitle', { from: i18n.quarter(dashboard.compareFrom), to: i18n.quarter(dashboard.compareTo) });
  }
  if (dashboard.view === 'transitions' && dashboard.compareFrom && dashboard.compareTo) {
    return i18n.t('transitions.title', { from: i18n.quarter(dashboard.compareFrom), to: i18n.quarter(dashboard.compareTo) });
  }
  if (dashboard.view === 'trends') return i18n.t('view.trends');
  return dashboard.quarter ? i18n.quarter(dashboard.quarter) : '';
}

/** The headline of the dashboard's view; until its data has arrived, what it shows. */
export function viewHeadline(dashboard: Dashboard): string {
  if (dashboard.view === 'trends') {
    const trends = dashboard.trends;
    if (!trends?.length) return viewSubject(dashboard);
    const [first, last] = [trends[0], trends.at(-1)!];
    return trendHeadline({ quarter: first.quarter, green: first.counts.green }, { quarter: last.quarter, green: last.counts.green });
  }
  // The movements view says what it shows in its own flow diagram and matrix.
  if (dashboard.view === 'transitions') return viewSubject(dashboard);
  if (dashboard.view === 'compare') {
    const pair = dashboard.compareData;
    const { compareFrom: from, compareTo: to } = dashboard;
    if (!pair || !from || !to) return viewSubject(dashboard);
    return compareHeadline(from, to, compareRows(pair.from.statuses, pair.to.statuses, null, from, to).map((row) => row.kind));
  }
  const data = dashboard.data;
  if (!data || !dashboard.quarter) return viewSubject(dashboard);
  const before = dashboard.quarters[dashboard.index - 1]?.code;
  // A previous quarter still loading (or failed) leaves the comparison out rather than compare with another.
  const previous = before && dashboard.previous?.summary.quarter === before ? dashboard.previous.summary.counts.green : null;
  return mapHeadline(dashboard.quarter, data.summary.counts.green, data.statuses.length, previous);
}
