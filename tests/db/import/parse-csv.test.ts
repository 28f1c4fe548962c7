import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../db/import/parse-csv.ts';

describe('detectDelimiter', () => {
  it('takes ";" from Danish Excel and "," from other tools, judged by the header line', () => {
    expect(detectDelimiter('kommunekode;kategori;note\n0101;1;"a, b, c"')).toBe(';');
    expect(detectDelimiter('\n\ncode,category,note\n0101,1,"a; b; c"')).toBe(',');
    expect(detectDelimiter('kommunekode\n0101')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('numbers each row as a spreadsheet shows it: a line break in a quoted cell stays in its row, a blank line is a row', () => {
    const rows = parseCsv('kode;note\r\n0101;"to\r\nlinjer"\r\n\r\n0147;x\n0151;"tre\nlinjer\nher"\n0153;y');
    expect(rows).toEqual([
      { line: 1, cells: ['kode', 'note'] },
      { line: 2, cells: ['0101', 'to\nlinjer'] },
      { line: 4, cells: ['0147', 'x'] },
      { line: 5, cells: ['0151', 'tre\nlinjer\nher'] },
      { line: 6, cells: ['0153', 'y'] },
    ]);
  });

  it('names the spreadsheet row of a line it cannot read, after cells with line breaks', () => {
    expect(() => parseCsv('kode;note\n0101;"a\nb"\n0147;"c\nd"\n0151;"open')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ errors: [expect.objectContaining({ row: 4 })] }) }),
    );
  });

  it('takes a stray quote inside a cell as text, as Excel does', () => {
    expect(parseCsv('kode,navn\n101,Anne "Nana" Hansen')[1].cells).toEqual(['101', 'Anne "Nana" Hansen']);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('kode;note\n0101;"aldrig lukket\n0147;x')).toThrow(/^line 2, file: cannot read the CSV from this line on: Quote Not Closed/);
  });
});
