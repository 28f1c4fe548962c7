import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../web/src/lib/export.ts';

describe('toCsv', () => {
  it('writes a file Danish Excel opens: a byte-order mark, semicolons and CRLF line ends', () => {
    expect(toCsv([['kommune', 'kategori'], ['Aarhus', 1]])).toBe('\ufeffkommune;kategori\r\nAarhus;1\r\n');
  });

  it('leaves empty cells for missing values', () => {
    expect(toCsv([['a', null, undefined, 'b']])).toBe('\ufeffa;;;b\r\n');
  });

  it('quotes cells with a semicolon, a quote or a line break, doubling the quotes', () => {
    expect(toCsv([['a;b', 'say "hi"', 'two\nlines']])).toBe('\ufeff"a;b";"say ""hi""";"two\nlines"\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(toCsv([['=SUM(A1)', '+1', '-x', '@cmd']])).toBe("\ufeff'=SUM(A1);'+1;'-x;'@cmd\r\n");
  });

  it('keeps negative numbers as numbers', () => {
    expect(toCsv([[-3]])).toBe('\ufeff-3\r\n');
  });
});
