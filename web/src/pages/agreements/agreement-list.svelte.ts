/**
 * The agreements page's state: every agreement, the filters (kept in the URL, so a copied link
 * shows the same list), the counts on the chosen day, and the sort order of the table.
 */
import { ORGANISATIONS, type Organisation } from '../../../../db/domain/organisation.ts';
import type { AgreementRow, Municipality } from '../../lib/contract.ts';
import { errorText } from '../../lib/errors.ts';
import { i18n } from '../../lib/i18n.svelte.ts';
import type { MessageKey } from '../../lib/messages.ts';
import { Sort } from '../../lib/ui/sort.svelte.ts';
import { agreementsApi, countActive, isActiveOn, today } from './agreements.ts';

export type AgreementStatus = 'active' | 'ended' | 'future';
export type AgreementSortKey = 'municipality' | 'region' | 'organisation' | 'signedOn' | 'endedOn' | 'status';

export const organisationName = (code: Organisation): string => i18n.t(`organisation.${code}` as MessageKey);

export class AgreementList {
  agreements = $state<AgreementRow[] | null>(null);
  municipalities = $state<Municipality[]>([]);
  loadError = $state<string | null>(null);

  readonly startDate = today();
  organisation = $state<Organisation | ''>('');
  activeOn = $state('');
  showEnded = $state(false);
  region = $state('');
  search = $state('');
  readonly sort = new Sort<AgreementSortKey>('municipality');

  constructor(query: string) {
    const params = new URLSearchParams(query);
    this.organisation = ORGANISATIONS.find((o) => o === params.get('organisation')) ?? '';
    this.activeOn = /^\d{4}-\d{2}-\d{2}$/.test(params.get('activeOn') ?? '') ? params.get('activeOn')! : this.startDate;
    this.showEnded = params.get('ended') === '1';
    this.region = params.get('region') ?? '';
    this.search = params.get('q') ?? '';
  }

  async load(): Promise<void> {
    this.loadError = null;
    try {
      [this.agreements, this.municipalities] = await Promise.all([agreementsApi.list(), agreementsApi.municipalities()]);
    } catch (failure) {
      this.loadError = errorText(failure);
    }
  }

  /** The filters as a query string, keeping other parameters (such as lang) as they are. */
  query(current: string): string {
    const params = new URLSearchParams(current);
    const set = (name: string, value: string, fallback = '') => (value && value !== fallback ? params.set(name, value) : params.delete(name));
    set('organisation', this.organisation);
    set('activeOn', this.activeOn, this.startDate);
    set('ended', this.showEnded ? '1' : '');
    set('region', this.region);
    set('q', this.search.trim());
    const text = params.toString();
    return text ? `?${text}` : '';
  }

  /** The day the list is judged on; an emptied date field means today. */
  day = $derived(this.activeOn || this.startDate);

  municipalityByCode = $derived(new Map(this.municipalities.map((m) => [m.code, m])));
  regions = $derived(
    [...new Map(this.municipalities.map((m) => [m.regionCode, m.regionName])).entries()].sort(([a], [b]) => a.localeCompare(b)),
  );

  statusOf(agreement: AgreementRow): AgreementStatus {
    if (isActiveOn(agreement, this.day)) return 'active';
    return agreement.signedOn > this.day ? 'future' : 'ended';
  }

  /** Every filter but the date: the counts are taken from these rows on the chosen day. */
  filtered = $derived.by(() => {
    const needle = this.search.trim().toLocaleLowerCase('da');
    return (this.agreements ?? []).filter((agreement) => {
      if (this.organisation && agreement.organisation !== this.organisation) return false;
      if (this.region && this.municipalityByCode.get(agreement.municipalityCode)?.regionCode !== this.region) return false;
      if (!needle) return true;
      return [agreement.municipalityName, agreement.municipalityCode, agreement.note ?? '', organisationName(agreement.organisation)].some((text) =>
        text.toLocaleLowerCase('da').includes(needle),
      );
    });
  });

  counts = $derived(countActive(this.filtered, this.day));
  narrowed = $derived(this.region !== '' || this.search.trim() !== '');
  filtersChanged = $derived(
    this.organisation !== '' || this.activeOn !== this.startDate || this.showEnded || this.region !== '' || this.search !== '',
  );

  rows = $derived.by(() => {
    const shown = this.showEnded ? this.filtered : this.filtered.filter((a) => isActiveOn(a, this.day));
    const value = (a: AgreementRow, key: AgreementSortKey): string => {
      switch (key) {
        case 'municipality':
          return a.municipalityName;
        case 'region':
          return this.municipalityByCode.get(a.municipalityCode)?.regionName ?? '';
        case 'organisation':
          return organisationName(a.organisation);
        case 'signedOn':
          return a.signedOn;
        case 'endedOn':
          // Open-ended agreements sort after every ended one.
          return a.endedOn ?? '9999-12-31';
        case 'status':
          return this.statusOf(a);
      }
    };
    // Ties go by name, in the same direction as the column.
    const direction = this.sort.ascending ? 1 : -1;
    return this.sort.sorted(shown, value, (a, b) => direction * a.municipalityName.localeCompare(b.municipalityName, 'da'));
  });

  resetFilters(): void {
    this.organisation = '';
    this.activeOn = this.startDate;
    this.showEnded = false;
    this.region = '';
    this.search = '';
  }
}
