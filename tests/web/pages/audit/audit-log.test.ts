import { describe, expect, it } from 'vitest';
import { readView, viewQuery } from '../../../../web/src/pages/audit/audit-log.svelte.ts';

const none = { user: '', municipality: '', quarter: '', from: '', to: '' };

describe('readView', () => {
  it('reads the filters and the page from the address', () => {
    expect(readView('?user=7&municipality=101&quarter=2018k4&from=2018-01-01&to=2018-12-31&page=3')).toEqual({
      filter: { user: '7', municipality: '0101', quarter: '2018K4', from: '2018-01-01', to: '2018-12-31' },
      page: 3,
    });
  });

  it('leaves out what is malformed rather than send it', () => {
    expect(readView('?user=admin&municipality=aarhus&quarter=2018K9&from=1.1.2018&page=-2')).toEqual({ filter: none, page: 1 });
    expect(readView('?page=x').page).toBe(1);
  });
});

describe('viewQuery', () => {
  it('writes only the filters in use, the page after the first, and a language other than Danish', () => {
    expect(viewQuery({ filter: { ...none, municipality: '0101' }, page: 2 }, 'en')).toBe('?municipality=0101&page=2&lang=en');
    expect(viewQuery({ filter: none, page: 1 }, 'da')).toBe('');
  });

  it('is read back as the same view', () => {
    const view = { filter: { user: '3', municipality: '0461', quarter: '2017K2', from: '2017-01-01', to: '' }, page: 4 };
    expect(readView(viewQuery(view, 'da'))).toEqual(view);
  });
});
