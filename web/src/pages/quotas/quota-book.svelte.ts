/**
 * The quotas page's state: every year's quotas (the year selector marks years without data), the
 * filters, and an administrator's edits of one year, checked here before they are sent.
 */
import { api, ApiError } from '../../lib/api.ts';
import type { QuotaChange, QuotaRow } from '../../lib/contract.ts';
import { errorText } from '../../lib/errors.ts';
import { translator } from '../../lib/i18n.svelte.ts';
import { MESSAGES } from './messages.ts';
import { hasData, parseQuota, quotasApi, quotaYears } from './quotas.ts';

const t = translator(MESSAGES);

interface Draft {
  quota: string;
  zeroQuota: boolean;
}

export interface QuotaTotals {
  quota: number;
  zero: number;
  missing: number;
}

export class QuotaBook {
  readonly years = quotaYears();
  byYear = $state<Record<number, QuotaRow[]>>({});
  regionNames = $state<Record<string, string>>({});
  year = $state<number | null>(null);
  loadError = $state<string | null>(null);

  region = $state('');
  onlyZero = $state(false);
  search = $state('');

  editing = $state(false);
  drafts = $state<Record<string, Draft>>({});
  /** Problems by municipality code: found here, or named by the server's refusal. */
  rowErrors = $state<Record<string, string>>({});
  errorSummary = $state<string | null>(null);
  busy = $state(false);
  announcement = $state('');

  rows = $derived(this.year === null ? [] : (this.byYear[this.year] ?? []));
  rowsHaveData = $derived(hasData(this.rows));
  changed = $derived(this.editing ? this.rows.filter((row) => this.isChanged(row)) : []);
  dirty = $derived(this.changed.length > 0);

  // Rows with an error stay in view whatever the filters, so every error can be seen and fixed.
  shown = $derived.by(() => {
    const needle = this.search.trim().toLocaleLowerCase('da');
    return this.rows.filter(
      (row) =>
        this.rowErrors[row.code] !== undefined ||
        ((!this.region || row.regionCode === this.region) &&
          (!this.onlyZero || row.zeroQuota) &&
          (!needle || row.name.toLocaleLowerCase('da').includes(needle) || row.code.includes(needle))),
    );
  });

  yearTotals = $derived(this.totals(this.rows));
  shownTotals = $derived(this.totals(this.shown));

  /** Every year at once: the selector marks years without data, and the newest with data opens. */
  async load(asked: number): Promise<void> {
    this.loadError = null;
    try {
      const [meta, ...answers] = await Promise.all([api.meta(), ...this.years.map((y) => quotasApi.year(y))]);
      this.regionNames = Object.fromEntries(meta.regions.map((r) => [r.code, r.name.replace(/^Region /, '')]));
      this.byYear = Object.fromEntries(this.years.map((y, i) => [y, answers[i]]));
      this.year = this.years.includes(asked) ? asked : (this.years.findLast((y) => hasData(this.byYear[y])) ?? new Date().getFullYear());
    } catch (failure) {
      this.loadError = errorText(failure);
    }
  }

  chooseYear(year: number): void {
    this.year = year;
    this.announcement = '';
    if (this.editing) this.startEditing();
  }

  isChanged(row: QuotaRow): boolean {
    const draft = this.drafts[row.code];
    if (!draft) return false;
    // NaN (an unreadable entry) differs from every saved value, so it counts as a change.
    return draft.zeroQuota !== row.zeroQuota || parseQuota(draft.quota) !== row.quota;
  }

  /** What a row will hold: the draft while editing, the saved value otherwise. */
  effective(row: QuotaRow): { quota: number | null; zeroQuota: boolean } {
    const draft = this.editing ? this.drafts[row.code] : undefined;
    if (!draft) return row;
    const quota = parseQuota(draft.quota);
    return { quota: Number.isNaN(quota) ? null : quota, zeroQuota: draft.zeroQuota };
  }

  totals(list: QuotaRow[]): QuotaTotals {
    const sums = { quota: 0, zero: 0, missing: 0 };
    for (const row of list) {
      const value = this.effective(row);
      sums.quota += value.quota ?? 0;
      if (value.zeroQuota) sums.zero += 1;
      else if (value.quota === null) sums.missing += 1;
    }
    return sums;
  }

  startEditing(): void {
    this.drafts = Object.fromEntries(
      this.rows.map((row) => [row.code, { quota: row.quota === null ? '' : String(row.quota), zeroQuota: row.zeroQuota }]),
    );
    this.rowErrors = {};
    this.errorSummary = null;
    this.announcement = '';
    this.editing = true;
  }

  stopEditing(): void {
    this.editing = false;
    this.drafts = {};
    this.rowErrors = {};
    this.errorSummary = null;
  }

  setZeroQuota(code: string, checked: boolean): void {
    const draft = this.drafts[code];
    draft.zeroQuota = checked;
    // The server files a quota of 0 as a zero quota, so the number follows the box both ways.
    if (checked) draft.quota = '0';
    else if (parseQuota(draft.quota) === 0) draft.quota = '';
  }

  #check(row: QuotaRow): string | null {
    const draft = this.drafts[row.code];
    const quota = parseQuota(draft.quota);
    if (Number.isNaN(quota)) return t('error.quota');
    if (draft.zeroQuota && quota !== null && quota > 0) return t('error.zeroWithQuota', { quota });
    return null;
  }

  /** Saves the changed rows; false when a row has a problem (see rowErrors) or the server refused. */
  async save(): Promise<boolean> {
    if (this.year === null || this.busy) return false;
    if (!this.dirty) {
      this.announcement = t('nothingChanged');
      return true;
    }
    const problems = Object.fromEntries(this.changed.flatMap((row) => (this.#check(row) ? [[row.code, this.#check(row)!]] : [])));
    this.rowErrors = problems;
    if (Object.keys(problems).length > 0) {
      this.errorSummary = t('error.clientSummary');
      return false;
    }
    const year = this.year;
    const sent: QuotaChange[] = this.changed.map((row) => ({
      code: row.code,
      quota: parseQuota(this.drafts[row.code].quota),
      zeroQuota: this.drafts[row.code].zeroQuota,
    }));
    this.busy = true;
    this.errorSummary = null;
    try {
      this.byYear[year] = await quotasApi.save(year, sent);
      this.stopEditing();
      this.announcement = t('saved', { n: sent.length, year });
      return true;
    } catch (failure) {
      const errors = failure instanceof ApiError ? failure.body?.errors : undefined;
      if (errors?.length) {
        this.rowErrors = Object.fromEntries(errors.map((e) => [e.code ?? sent[e.row - 1]?.code ?? '', e.message]));
        this.errorSummary = t('error.summary');
      } else {
        this.errorSummary = `${t('error.failed')} ${errorText(failure)}`;
      }
      return false;
    } finally {
      this.busy = false;
    }
  }

  municipalityName(code: string): string {
    return this.rows.find((row) => row.code === code)?.name ?? code;
  }
}
