import { describe, expect, it } from 'vitest';
import { contrast, INK, textOn, WHITE } from '../../../web/src/lib/contrast.ts';

describe('text on a coloured fill', () => {
  it('measures WCAG contrast: black on white is 21, a colour on itself 1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#3a7d44', '#3a7d44')).toBe(1);
  });

  it('is white on dark fills and ink on light ones, and always the more readable of the two', () => {
    expect(textOn('#1a5e2a')).toBe(WHITE);
    expect(textOn('#f8c41f')).toBe(INK);
    expect(textOn('#eceff3')).toBe(INK);
    for (const fill of ['#2e9e4f', '#0b7f64', '#d24315', '#c0392b', '#8e7cc3', '#44aa66']) {
      const other = textOn(fill) === WHITE ? INK : WHITE;
      expect(contrast(textOn(fill), fill)).toBeGreaterThanOrEqual(contrast(other, fill));
    }
  });
});
