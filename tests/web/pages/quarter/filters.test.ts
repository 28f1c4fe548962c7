import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../web/src/pages/quarter/entry.svelte.ts';
import { Filters } from '../../../../web/src/pages/quarter/filters.svelte.ts';

const entry = (fields: Partial<Entry>) =>
  ({ code: '0101', name: 'København', regionCode: '1084', category: 1, changed: false, settled: true, mayEdit: true, ...fields }) as Entry;

describe('Filters', () => {
  it('read the selection and the view from the address, ignoring unknown values', () => {
    const filters = new Filters('?region=1084&category=none&changed=1&q=aar&view=recruitment&lang=en');
    expect([filters.region, filters.category, filters.changed, filters.search, filters.view]).toEqual(['1084', 'none', true, 'aar', 'recruitment']);
    expect(new Filters('?category=7&view=other').category).toBe('');
    expect(new Filters('?view=other').view).toBe('categories');
  });

  it('write themselves back into the address, keeping other parameters', () => {
    const filters = new Filters('?lang=en');
    filters.category = '2';
    filters.mine = true;
    filters.search = '  aar ';
    expect(filters.query('?lang=en')).toBe('?lang=en&category=2&mine=1&q=aar');
    filters.clear();
    expect(filters.query('?lang=en')).toBe('?lang=en');
  });

  it('keep the view when cleared, and do not count it as a filter', () => {
    const filters = new Filters('?view=recruitment&changed=1');
    expect(filters.active).toBe(true);
    filters.clear();
    expect(filters.view).toBe('recruitment');
    expect(filters.active).toBe(false);
  });

  it('match by region, category (or none), change, confirmation and the user’s own rows', () => {
    const match = (query: string, fields: Partial<Entry>) => new Filters(query).matcher()(entry(fields));
    expect(match('?region=1085', {})).toBe(false);
    expect(match('?category=none', { category: null })).toBe(true);
    expect(match('?category=none', { category: 2 })).toBe(false);
    expect(match('?category=2', { category: 2 })).toBe(true);
    expect(match('?changed=1', { changed: false })).toBe(false);
    expect(match('?unconfirmed=1', { settled: false })).toBe(true);
    expect(match('?mine=1', { mayEdit: false })).toBe(false);
  });

  it('search names in Danish, or codes when the search is digits', () => {
    const match = (q: string, fields: Partial<Entry> = {}) => new Filters(`?q=${encodeURIComponent(q)}`).matcher()(entry(fields));
    expect(match('KØB')).toBe(true);
    expect(match('101')).toBe(true);
    expect(match('147')).toBe(false);
    expect(match('aar', { name: 'Aarhus' })).toBe(true);
  });
});
