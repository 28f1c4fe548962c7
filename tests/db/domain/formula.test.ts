import { describe, expect, it } from 'vitest';
import { isEscapedFormula, runsAsFormula, startsLikeFormula } from '../../../db/domain/formula.ts';

describe('runsAsFormula', () => {
  it('is true for a sign, a tab or CR first, also after blanks of any kind', () => {
    for (const text of ['=1+1', '+45', '@SUM(A1)', '-2', '\tx', '\rx', ' =1+1', '\u00a0=1', '\u2003@x', '  -2', '\n+1']) {
      expect(runsAsFormula(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('is false for text, a lone dash and a dash list item', () => {
    for (const text of ['Stabil gruppe', '- ring til kommunen', ' - punkt', '-', "'=1+1", 'a=1', '']) {
      expect(runsAsFormula(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('startsLikeFormula', () => {
  it('also takes a dash list item, which the export escapes to be safe', () => {
    expect(['- punkt', ' -', '\u00a0=1', '=1'].map(startsLikeFormula)).toEqual([true, true, true, true]);
    expect(['punkt', "'=1", ''].map(startsLikeFormula)).toEqual([false, false, false]);
  });
});

describe('isEscapedFormula', () => {
  it('is true for an apostrophe before whatever the export escapes', () => {
    expect(["'=1", "' =1", "'\u00a0@x", "'- punkt", "'\tx"].map(isEscapedFormula)).toEqual([true, true, true, true, true]);
    expect(["'tekst", "''=1", '=1'].map(isEscapedFormula)).toEqual([false, false, false]);
  });
});
