import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../db/import/decode.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));

/** The problems a rejected file reports, as [line, message]. */
function problemsOf(bytes: Uint8Array): [number, string][] {
  try {
    decodeUtf8(bytes);
  } catch (error) {
    return ((error as { details: { errors: { row: number; message: string }[] } }).details.errors).map((e) => [e.row, e.message]);
  }
  throw new Error('expected the bytes to be refused');
}

describe('decodeUtf8', () => {
  it('drops the byte order mark Excel writes and keeps æ, ø, å', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFkommune\nÆrø;Brøndby;Vallensbæk;Aabenraa', 'utf8'))).toBe('kommune\nÆrø;Brøndby;Vallensbæk;Aabenraa');
  });

  it('refuses Windows-1252 naming the line and showing how it reads there', () => {
    const [[line, message]] = problemsOf(fixture('windows-1252.csv'));
    expect(line).toBe(2);
    expect(message).toContain('"0101;København;1" only as Windows-1252');
    expect(message).toContain('CSV UTF-8');
  });

  it('refuses UTF-16 with or without a byte order mark', () => {
    expect(problemsOf(fixture('utf-16.csv'))[0]).toEqual([1, expect.stringMatching(/^the file is UTF-16/)]);
    expect(problemsOf(Buffer.from('kommunekode;kategori\n0101;1\n', 'utf16le'))[0][1]).toMatch(/UTF-16/);
  });

  it('refuses overlong forms and surrogates, which are not UTF-8 either', () => {
    expect(problemsOf(Buffer.from([0x61, 0x0a, 0xc0, 0xaf]))[0][0]).toBe(2);
    expect(problemsOf(Buffer.from([0xed, 0xa0, 0x80]))[0][0]).toBe(1);
  });

  it('refuses a binary file that is not text', () => {
    expect(problemsOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]))[0][1]).toMatch(/not UTF-8/);
    expect(problemsOf(Buffer.from('abc\n\0def', 'latin1'))[0]).toEqual([2, expect.stringMatching(/not text/)]);
  });
});
