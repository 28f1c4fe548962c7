/**
 * Which rows the grid shows, and what it shows of them. The filters and the view live in the URL
 * query (?region=1084&category=none&changed=1&unconfirmed=1&mine=1&q=aar&view=recruitment) so a
 * copied link reopens the same selection.
 */
import type { Entry } from './entry.svelte.ts';

export const CATEGORY_FILTERS = ['1', '2', '3', 'none'] as const;
export type CategoryFilter = (typeof CATEGORY_FILTERS)[number] | '';

/** The grid's columns: the categories, or the recruitment numbers of the same municipalities. */
export const VIEWS = ['categories', 'recruitment'] as const;
export type View = (typeof VIEWS)[number];

export class Filters {
  region = $state('');
  category = $state<CategoryFilter>('');
  changed = $state(false);
  unconfirmed = $state(false);
  /** Only the municipalities the user may change (a consultant's own area). */
  mine = $state(false);
  search = $state('');
  /** Not a filter: kept by `clear` and left out of `active`. */
  view = $state<View>('categories');

  active = $derived(
    this.region !== '' || this.category !== '' || this.changed || this.unconfirmed || this.mine || this.search.trim() !== '',
  );

  constructor(query: string) {
    const params = new URLSearchParams(query);
    this.region = params.get('region') ?? '';
    const category = params.get('category') ?? '';
    this.category = (CATEGORY_FILTERS as readonly string[]).includes(category) ? (category as CategoryFilter) : '';
    this.changed = params.get('changed') === '1';
    this.unconfirmed = params.get('unconfirmed') === '1';
    this.mine = params.get('mine') === '1';
    this.search = params.get('q') ?? '';
    this.view = params.get('view') === 'recruitment' ? 'recruitment' : 'categories';
  }

  /** The query string for these filters and the view, keeping unrelated parameters (such as lang) as they are. */
  query(current: string): string {
    const params = new URLSearchParams(current);
    const set = (name: string, value: string) => (value ? params.set(name, value) : params.delete(name));
    set('region', this.region);
    set('category', this.category);
    set('changed', this.changed ? '1' : '');
    set('unconfirmed', this.unconfirmed ? '1' : '');
    set('mine', this.mine ? '1' : '');
    set('q', this.search.trim());
    set('view', this.view === 'categories' ? '' : this.view);
    const query = params.toString();
    return query ? `?${query}` : '';
  }

  clear(): void {
    this.region = '';
    this.category = '';
    this.changed = false;
    this.unconfirmed = false;
    this.mine = false;
    this.search = '';
  }

  /** A matcher for the current filter values; reading them here is what the caller depends on. */
  matcher(): (entry: Entry) => boolean {
    const { region, category, changed, unconfirmed, mine } = this;
    const search = this.search.trim().toLocaleLowerCase('da');
    const digits = /^\d+$/.test(search);
    return (entry) =>
      (region === '' || entry.regionCode === region) &&
      (category === '' || (category === 'none' ? entry.category == null : String(entry.category) === category)) &&
      (!changed || entry.changed) &&
      (!unconfirmed || !entry.settled) &&
      (!mine || entry.mayEdit) &&
      (search === '' || (digits ? entry.code.includes(search) : entry.name.toLocaleLowerCase('da').includes(search)));
  }
}
