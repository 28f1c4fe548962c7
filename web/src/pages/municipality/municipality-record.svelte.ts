/**
 * The municipality page's state: the municipality's whole history (categories, agreements,
 * quotas) and which open quarters hold a row carried over without being confirmed.
 */
import { api, ApiError } from '../../lib/api.ts';
import type { MunicipalityHistory } from '../../lib/contract.ts';
import { errorText } from '../../lib/errors.ts';

export class MunicipalityRecord {
  code = $state<string | null>(null);
  history = $state<MunicipalityHistory | null>(null);
  carriedOver = $state<Set<string>>(new Set());
  /** No such municipality: the page says so instead of an error. */
  missing = $state(false);
  loadError = $state<string | null>(null);

  latest = $derived(this.history?.quarters.at(-1) ?? null);
  lastAssessed = $derived(this.history?.quarters.findLast((q) => q.category !== null) ?? null);

  /** Loads `code` (null: not a municipality code at all); a later call wins over an earlier one. */
  async load(code: string | null): Promise<void> {
    this.code = code;
    this.history = null;
    this.loadError = null;
    this.missing = code === null;
    if (code) await this.reload();
  }

  async reload(): Promise<void> {
    const requested = this.code;
    if (!requested) return;
    try {
      const answer = await api.history(requested);
      // The history does not say whether an open quarter's row was carried over; the statuses do.
      const open = answer.quarters.filter((q) => q.state === 'open').map((q) => q.quarter);
      const statuses = await Promise.all(open.map((quarter) => api.statuses(quarter)));
      if (requested !== this.code) return;
      this.carriedOver = new Set(open.filter((_, i) => statuses[i].find((s) => s.code === requested)?.carriedOver));
      this.history = answer;
    } catch (failure) {
      if (requested !== this.code) return;
      if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) this.missing = true;
      else this.loadError = errorText(failure);
    }
  }
}
