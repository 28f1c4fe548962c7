import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../db/export/csv.ts';

describe('toCsv', () => {
  it('writes a BOM, ";" between cells, CRLF after every line, and quotes only where needed', () => {
    const csv = toCsv(['kvartal', 'note'], [['2018K4', 'a; b'], ['2018K4', 'sagde "hej"'], ['2018K4', 'to\nlinjer'], ['2018K4', 1]]);
    expect(csv.toString('utf8')).toBe('\uFEFFkvartal;note\r\n2018K4;"a; b"\r\n2018K4;"sagde ""hej"""\r\n2018K4;"to\nlinjer"\r\n2018K4;1\r\n');
  });
});
