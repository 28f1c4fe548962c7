import { describe, expect, it } from 'vitest';
import { compareValues, Sort } from '../../../../web/src/lib/ui/sort.svelte.ts';

type Key = 'name' | 'count';
const rows = [
  { code: '3', name: 'Ærø', count: 2 },
  { code: '1', name: 'Aarhus', count: 10 },
  { code: '2', name: 'Odense', count: 2 },
];
const value = (row: (typeof rows)[number], key: Key) => row[key];
const byCode = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.code.localeCompare(b.code);

describe('Sort', () => {
  it('starts ascending on its first column and turns round when the same column is chosen again', () => {
    const sort = new Sort<Key>('name');
    expect(sort.aria('name')).toBe('ascending');
    sort.by('name');
    expect(sort.aria('name')).toBe('descending');
    sort.by('count');
    expect([sort.key, sort.ascending]).toEqual(['count', true]);
  });

  it('marks only the sorted column for screen readers and shows ↕ on the others', () => {
    const sort = new Sort<Key>('name');
    expect(sort.aria('count')).toBeUndefined();
    expect(sort.arrow('name')).toBe('▲');
    expect(sort.arrow('count')).toBe('↕');
    sort.by('name');
    expect(sort.arrow('name')).toBe('▼');
  });

  it('sorts text in Danish alphabetical order (æ after o, aa last)', () => {
    const sort = new Sort<Key>('name');
    expect(sort.sorted(rows, value).map((r) => r.name)).toEqual(['Odense', 'Ærø', 'Aarhus']);
  });

  it('sorts numbers as numbers and keeps ties in the tie order whichever way the column runs', () => {
    const sort = new Sort<Key>('count');
    expect(sort.sorted(rows, value, byCode).map((r) => r.code)).toEqual(['2', '3', '1']);
    sort.by('count');
    expect(sort.sorted(rows, value, byCode).map((r) => r.code)).toEqual(['1', '2', '3']);
  });

  it('does not sort the rows it is given in place', () => {
    const copy = [...rows];
    new Sort<Key>('name').sorted(rows, value);
    expect(rows).toEqual(copy);
  });
});

describe('compareValues', () => {
  it('compares numbers by value, not as text', () => {
    expect(compareValues(9, 10)).toBeLessThan(0);
    expect(compareValues('9', '10')).toBeGreaterThan(0);
  });
});
