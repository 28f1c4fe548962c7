/**
 * What the dashboard shows: the view (map, compare, timeline, trends), the chosen quarter or pair
 * of quarters, and the municipality whose history is open. Quarters already fetched are kept, so
 * stepping back and forth is instant. The whole view lives in the URL
 * (?view=compare&from=2016K2&to=2018K4&municipality=0101&lang=en): a copied link reopens it.
 * Compare and transitions share the pair of quarters.
 */
import { normaliseMunicipalityCode } from '../../../../db/domain/municipality-code.ts';
import { normaliseQuarterCode } from '../../../../db/domain/quarter.ts';
import { api } from '../../lib/api.ts';
import type { Meta, MunicipalityStatus, Quarter, QuarterTrend, RecruitmentTotals, StatusMatrix, Summary } from '../../lib/contract.ts';
import { errorText } from '../../lib/errors.ts';
import { i18n } from '../../lib/i18n.svelte.ts';

export interface QuarterData {
  statuses: MunicipalityStatus[];
  summary: Summary;
  /** The consultants' side of the quarter: the national recruitment need and the support log. */
  recruitment: RecruitmentTotals;
  activities: number;
}

export const VIEWS = ['map', 'compare', 'transitions', 'timeline', 'trends'] as const;
export type View = (typeof VIEWS)[number];

/** Quarter choices closer together than this are a run of steps: the address waits for the pause. */
const SETTLE_MS = 300;

export class Dashboard {
  view = $state<View>('map');
  meta = $state<Meta | null>(null);
  quarters = $state<Quarter[]>([]);
  quarter = $state<string | null>(null);
  data = $state<QuarterData | null>(null);
  /** The quarter before the chosen one, for the headline's "5 more than the quarter before". */
  previous = $state<QuarterData | null>(null);
  compareFrom = $state<string | null>(null);
  compareTo = $state<string | null>(null);
  compareData = $state<{ from: QuarterData; to: QuarterData } | null>(null);
  /** Every quarter at once: history strips in tooltips, reasons in compare. Loaded in the background. */
  matrix = $state<StatusMatrix | null>(null);
  trends = $state<QuarterTrend[] | null>(null);
  selected = $state<string | null>(null);
  /** Show the data table instead of the map. */
  table = $state(false);
  presenting = $state(false);
  /** Transitions summed over every quarter-to-quarter step instead of between the two quarters. */
  transitionSteps = $state(false);
  /** Which trend chart meeting mode shows: one at a time, as large as the screen allows. */
  chart = $state(0);
  loading = $state(true);
  error = $state<string | null>(null);

  #cache = new Map<string, Promise<QuarterData>>();
  /** When the user last chose a quarter, and the address update that waits while they keep choosing. */
  #lastChoice = 0;
  /** The user steps quickly through quarters: the map changes colour at once instead of fading. */
  stepping = $state(false);
  #steppingTimer: ReturnType<typeof setTimeout> | null = null;
  #urlTimer: ReturnType<typeof setTimeout> | null = null;

  byCode = $derived(new Map((this.data?.statuses ?? []).map((s) => [s.code, s])));
  index = $derived(this.quarters.findIndex((q) => q.code === this.quarter));
  matrixRow = $derived(new Map((this.matrix?.municipalities ?? []).map((m) => [m.code, m])));

  async start(search = window.location.search): Promise<void> {
    const params = new URLSearchParams(search);
    const view = params.get('view');
    this.view = (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'map';
    this.selected = normaliseMunicipalityCode(params.get('municipality') ?? '');
    this.table = params.get('table') === '1';
    this.presenting = params.get('present') === '1';
    this.transitionSteps = params.get('steps') === '1';
    try {
      this.loading = true;
      this.error = null;
      const [meta, quarters] = await Promise.all([api.meta(), api.quarters()]);
      this.meta = meta;
      this.quarters = quarters;
      if (quarters.length === 0) return;
      const known = (code: string | null) => {
        const canonical = normaliseQuarterCode(code ?? '');
        return quarters.some((q) => q.code === canonical) ? canonical : null;
      };
      const fallback = meta.defaultQuarter ?? quarters.at(-1)!.code;
      this.compareFrom = known(params.get('from')) ?? quarters[0].code;
      this.compareTo = known(params.get('to')) ?? fallback;
      void this.#loadMatrix();
      await this.selectQuarter(known(params.get('quarter')) ?? fallback, { opening: true });
      if (this.view === 'compare') await this.#loadCompare();
      if (this.view === 'trends') void this.#loadTrends();
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.loading = false;
    }
  }

  setView(view: View): void {
    this.view = view;
    this.writeUrl();
    if (view === 'compare') void this.#loadCompare();
    if (view === 'trends') void this.#loadTrends();
  }

  async selectQuarter(code: string, { opening = false } = {}): Promise<void> {
    this.quarter = code;
    this.#writeUrlSettled(opening);
    try {
      const data = await this.load(code);
      // A slower answer for a quarter the user has already left must not overwrite the newer one.
      if (this.quarter === code) {
        this.data = data;
        this.error = null;
      }
      void this.#loadPrevious(code);
    } catch (error) {
      this.#cache.delete(code);
      if (this.quarter === code) this.error = errorText(error);
    }
    this.#prefetchNeighbours();
  }

  step(delta: -1 | 1): void {
    const next = this.quarters[this.index + delta];
    if (next) void this.selectQuarter(next.code);
  }

  setCompare(from: string, to: string): void {
    this.compareFrom = from;
    this.compareTo = to;
    this.writeUrl();
    void this.#loadCompare();
  }

  /**
   * Opens a municipality's history (or closes it with null). Opening adds a step to the browser's
   * history, so the back button (or a phone's back gesture) closes the panel instead of leaving
   * the dashboard; closing takes that step back when there is one.
   */
  select(code: string | null): void {
    const opening = code !== null && this.selected === null;
    this.selected = code;
    if (opening) {
      history.pushState({ panel: true }, '', this.#address());
    } else if (code === null && (history.state as { panel?: boolean } | null)?.panel) {
      history.back();
    } else {
      this.writeUrl();
    }
  }

  /** After the back or forward button: the address says which municipality is open. */
  followAddress(): void {
    this.selected = normaliseMunicipalityCode(new URLSearchParams(window.location.search).get('municipality') ?? '');
    // The step back may carry an older quarter or view: the address shows what is on the screen.
    this.writeUrl();
  }

  setTable(on: boolean): void {
    this.table = on;
    this.writeUrl();
  }

  setTransitionSteps(on: boolean): void {
    this.transitionSteps = on;
    this.writeUrl();
  }

  setPresenting(on: boolean): void {
    this.presenting = on;
    this.writeUrl();
  }

  /**
   * The address follows the chosen quarter at once, except while the user steps quickly through
   * quarters (arrow keys, the timeline): then it follows when they pause. Each address change makes
   * the browser fetch the page's icon again, which would cost every step of a fast run a frame.
   */
  #writeUrlSettled(opening: boolean): void {
    const now = performance.now();
    const rapid = !opening && now - this.#lastChoice < SETTLE_MS;
    if (!opening) this.#lastChoice = now;
    if (this.#urlTimer) clearTimeout(this.#urlTimer);
    this.#urlTimer = null;
    if (rapid) this.#urlTimer = setTimeout(() => ((this.#urlTimer = null), this.writeUrl()), SETTLE_MS);
    else this.writeUrl();
    // A fade that the next step would cut short only costs each step its frame.
    if (this.#steppingTimer) clearTimeout(this.#steppingTimer);
    this.#steppingTimer = rapid ? setTimeout(() => ((this.#steppingTimer = null), (this.stepping = false)), SETTLE_MS) : null;
    if (this.stepping !== rapid) this.stepping = rapid;
  }

  writeUrl(): void {
    if (this.#urlTimer) clearTimeout(this.#urlTimer);
    this.#urlTimer = null;
    // The state marks a step that opened the history panel (see select); it stays with the step.
    history.replaceState(history.state, '', this.#address());
  }

  #address(): string {
    const params = new URLSearchParams();
    if (this.view !== 'map') params.set('view', this.view);
    const pair = this.view === 'compare' || this.view === 'transitions';
    if (this.quarter && !pair && this.view !== 'trends') params.set('quarter', this.quarter);
    if (pair && this.compareFrom && this.compareTo) {
      params.set('from', this.compareFrom);
      params.set('to', this.compareTo);
    }
    if (this.view === 'transitions' && this.transitionSteps) params.set('steps', '1');
    if (this.selected) params.set('municipality', this.selected);
    if (this.table) params.set('table', '1');
    if (this.presenting) params.set('present', '1');
    if (i18n.language !== 'da') params.set('lang', i18n.language);
    const query = params.toString();
    return `${window.location.pathname}${query ? `?${query}` : ''}`;
  }

  load(code: string): Promise<QuarterData> {
    let pending = this.#cache.get(code);
    if (!pending) {
      pending = Promise.all([api.statuses(code), api.summary(code), api.recruitmentTotals(code), api.activityCount(code)]).then(
        ([statuses, summary, recruitment, activities]) => ({ statuses, summary, recruitment, activities }),
      );
      this.#cache.set(code, pending);
    }
    return pending;
  }

  async #loadCompare(): Promise<void> {
    const from = this.compareFrom;
    const to = this.compareTo;
    if (!from || !to) return;
    try {
      const [a, b] = await Promise.all([this.load(from), this.load(to)]);
      if (this.compareFrom === from && this.compareTo === to) this.compareData = { from: a, to: b };
    } catch (error) {
      this.error = errorText(error);
    }
  }

  /** Only the history strips and the compare view's reasons need it: a failure says so, and the map stays. */
  async #loadMatrix(): Promise<void> {
    try {
      this.matrix = await api.matrix();
    } catch (error) {
      this.error = errorText(error);
    }
  }

  async #loadTrends(): Promise<void> {
    if (this.trends) return;
    try {
      this.trends = await api.trends();
    } catch (error) {
      this.error = errorText(error);
    }
  }

  async #loadPrevious(code: string): Promise<void> {
    const before = this.quarters[this.quarters.findIndex((q) => q.code === code) - 1];
    if (!before) {
      this.previous = null;
      return;
    }
    // Only the headline needs it: a failure leaves the sentence without its comparison.
    const data = await this.load(before.code).catch(() => null);
    if (this.quarter === code) this.previous = data;
  }

  #prefetchNeighbours(): void {
    for (const neighbour of [this.quarters[this.index - 1], this.quarters[this.index + 1]]) {
      // A failed prefetch is forgotten: choosing that quarter loads it again and reports any failure.
      if (neighbour) this.load(neighbour.code).catch(() => this.#cache.delete(neighbour.code));
    }
  }
}

