import { describe, expect, it } from 'vitest';
import { foldText, mapHeader } from '../../../db/import/headers.ts';

const header = (...cells: string[]) => ({ line: 1, cells });

describe('foldText', () => {
  it('compares Danish words without case, accents, spaces or the old "aa"', () => {
    expect(foldText(' Årsag ')).toBe(foldText('AARSAG'));
    expect(foldText('Bemærkning')).toBe('bemaerkning');
    expect(foldText('Høje-Taastrup')).toBe(foldText('hoje tastrup'));
    expect(foldText('Kommune kode')).toBe('kommunekode');
  });
});

describe('mapHeader', () => {
  it('finds each field under its Danish or English names and lists the columns it ignores', () => {
    expect(mapHeader(header('KomKode', 'Navn', 'Kvartal', 'Kategori', 'Årsag', 'Begrundelse', 'Bemærkning', 'region'), false)).toEqual({
      columns: { code: 0, name: 1, quarter: 2, category: 3, reason: 4, reasonText: 5, note: 6 },
      ignored: ['region'],
    });
    expect(mapHeader(header('code', 'category', 'reason text', 'quarter'), false).columns).toEqual({ code: 0, category: 1, reasonText: 2, quarter: 3 });
  });

  it('needs a quarter column only when no quarter was chosen', () => {
    expect(mapHeader(header('kode', 'kategori'), true).columns).toEqual({ code: 0, category: 1 });
    expect(() => mapHeader(header('kode', 'kategori'), false)).toThrow(/line 1, quarter: no "kvartal" column/);
  });

  it('refuses missing and doubled columns, all at once', () => {
    let errors: { field: string; message: string }[] = [];
    try {
      mapHeader(header('kode', 'kommunekode', 'farve'), true);
    } catch (error) {
      errors = (error as { details: { errors: typeof errors } }).details.errors;
    }
    expect(errors).toEqual([
      { row: 1, field: 'code', message: 'two columns mean the same: "kode" and "kommunekode"; remove one' },
      { row: 1, field: 'category', message: expect.stringMatching(/^no "kategori" column/) },
    ]);
  });
});
