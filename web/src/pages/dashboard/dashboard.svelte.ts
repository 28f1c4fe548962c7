/**
 * What the dashboard shows: the chosen quarter, its statuses and key figures, and the municipality
 * whose history is open. Quarters already fetched are kept, so stepping back and forth is instant.
 * The view lives in the URL (?quarter=2018K4&municipality=0101&lang=en): a copied link reopens it.
 */
import { normaliseMunicipalityCode } from '../../../../db/domain/municipality-code.ts';
import { normaliseQuarterCode } from '../../../../db/domain/quarter.ts';
import { api, ApiError, type Meta, type MunicipalityStatus, type Quarter, type Summary } from '../../lib/api.ts';
import { i18n } from '../../lib/i18n.svelte.ts';

interface QuarterData {
  statuses: MunicipalityStatus[];
  summary: Summary;
}

export class Dashboard {
  meta = $state<Meta | null>(null);
  quarters = $state<Quarter[]>([]);
  quarter = $state<string | null>(null);
  data = $state<QuarterData | null>(null);
  selected = $state<string | null>(null);
  loading = $state(true);
  error = $state<string | null>(null);

  #cache = new Map<string, Promise<QuarterData>>();

  byCode = $derived(new Map((this.data?.statuses ?? []).map((s) => [s.code, s])));
  index = $derived(this.quarters.findIndex((q) => q.code === this.quarter));
  hasPrevious = $derived(this.index > 0);
  hasNext = $derived(this.index >= 0 && this.index < this.quarters.length - 1);

  async start(search = window.location.search): Promise<void> {
    const params = new URLSearchParams(search);
    this.selected = normaliseMunicipalityCode(params.get('municipality') ?? '');
    try {
      this.loading = true;
      this.error = null;
      const [meta, quarters] = await Promise.all([api.meta(), api.quarters()]);
      this.meta = meta;
      this.quarters = quarters;
      const requested = normaliseQuarterCode(params.get('quarter') ?? '');
      const known = quarters.some((q) => q.code === requested) ? requested : meta.defaultQuarter;
      if (known) await this.selectQuarter(known);
    } catch (error) {
      this.error = describe(error);
    } finally {
      this.loading = false;
    }
  }

  async selectQuarter(code: string): Promise<void> {
    this.quarter = code;
    this.writeUrl();
    try {
      const data = await this.#load(code);
      // A slower answer for a quarter the user has already left must not overwrite the newer one.
      if (this.quarter === code) {
        this.data = data;
        this.error = null;
      }
    } catch (error) {
      this.#cache.delete(code);
      if (this.quarter === code) this.error = describe(error);
    }
    this.#prefetchNeighbours();
  }

  step(delta: -1 | 1): void {
    const next = this.quarters[this.index + delta];
    if (next) void this.selectQuarter(next.code);
  }

  select(code: string | null): void {
    this.selected = code;
    this.writeUrl();
  }

  writeUrl(): void {
    const params = new URLSearchParams();
    if (this.quarter) params.set('quarter', this.quarter);
    if (this.selected) params.set('municipality', this.selected);
    if (i18n.language !== 'da') params.set('lang', i18n.language);
    const query = params.toString();
    history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
  }

  #load(code: string): Promise<QuarterData> {
    let pending = this.#cache.get(code);
    if (!pending) {
      pending = Promise.all([api.statuses(code), api.summary(code)]).then(([statuses, summary]) => ({ statuses, summary }));
      this.#cache.set(code, pending);
    }
    return pending;
  }

  #prefetchNeighbours(): void {
    for (const neighbour of [this.quarters[this.index - 1], this.quarters[this.index + 1]]) {
      if (neighbour) this.#load(neighbour.code).catch(() => this.#cache.delete(neighbour.code));
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof ApiError && error.status === 0) return i18n.t('app.networkError');
  return error instanceof Error ? error.message : String(error);
}
