import { describe, expect, it } from 'vitest';
import { readRows } from '../../../db/import/rows.ts';

const columns = { code: 0, category: 1, reason: 2, reasonText: 3, note: 4 };
const read = (cells: string[], target: string | null = '2019K1', map: Record<string, number> = columns) =>
  readRows([{ line: 7, cells }], 5, map, target, 'csv');

describe('readRows', () => {
  it('reads categories as numbers or colour words, and "ikke vurderet" as null', () => {
    const categories = ['1', 'Grøn', 'green', ' 2 ', 'GUL', 'yellow', '3', 'rød', 'Rod', 'red', 'Ikke vurderet', 'not assessed'].map(
      (word) => read(['0101', word, '', 'tekst', '']).rows[0].category,
    );
    expect(categories).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 3, null, null]);
  });

  it('reads reasons by code or by their Danish or English label', () => {
    const reasons = ['few_refugees', 'For få frivillige', 'for faa frivillige', 'Agreement signed', 'ANDET'].map((r) => read(['0101', '1', r, '', '']).rows[0].reason);
    expect(reasons).toEqual(['few_refugees', 'too_few_volunteers', 'too_few_volunteers', 'agreement_signed', 'other']);
  });

  it('pads codes to four characters and puts every row in the chosen quarter', () => {
    expect(read(['101', '1', '', '', '']).rows[0]).toMatchObject({ line: 7, code: '0101', quarter: '2019K1' });
  });

  it('reads the quarter column in any accepted spelling', () => {
    const { rows } = readRows([{ line: 2, cells: ['0101', '1', '2019q2'] }], 3, { code: 0, category: 1, quarter: 2 }, null, 'csv');
    expect(rows[0].quarter).toBe('2019K2');
  });

  it('refuses cells that a spreadsheet would run as formulas, and accepts them escaped with an apostrophe', () => {
    for (const note of ['=1+1', '+45 1234', '@SUM(A1)', '-2', '\tx', '\rx']) {
      const { rows, problems } = read(['0101', '1', '', '', note]);
      expect(problems, note).toEqual([{ row: 7, code: '0101', field: 'note', message: expect.stringMatching(/looks like a spreadsheet formula/) }]);
      expect(rows[0].unreadable.has('note')).toBe(true);
    }
    expect(read(['0101', '1', '', '', '- to frivillige']).problems).toEqual([]);
    expect(read(['0101', '1', '', '', "'=1+1"]).rows[0].note).toBe('=1+1');
    expect(read(['0101', '1', '', '', "'Andet"]).rows[0].note).toBe("'Andet");
  });

  it('names the field and line of every unreadable cell', () => {
    const { problems } = read(['12345', 'lilla', 'kedsomhed', 'x'.repeat(501), 'y'.repeat(2001), 'overskud']);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [7, 'code'],
      [7, 'category'],
      [7, 'reason'],
      [7, 'reasonText'],
      [7, 'note'],
      [7, 'columns'],
    ]);
  });
});
