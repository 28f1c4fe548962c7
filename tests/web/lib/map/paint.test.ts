import { describe, expect, it } from 'vitest';
import { CATEGORY_COLOURS, categoryPaint, changeKind, changePaint, NOT_ASSESSED } from '../../../../web/src/lib/map/paint.ts';

describe('categoryPaint', () => {
  it('gives the same object for the same category, so an unchanged municipality is not redrawn', () => {
    expect(categoryPaint(2, false)).toBe(categoryPaint(2, false));
    expect(categoryPaint(3, true)).toBe(categoryPaint(3, true));
  });

  it('paints "not assessed" pale with dots, never red, in both modes', () => {
    expect(categoryPaint(null, false)).toBe(NOT_ASSESSED);
    expect(categoryPaint(null, true)).toBe(NOT_ASSESSED);
    expect(NOT_ASSESSED.pattern).toBe('dots');
  });

  it('adds patterns to yellow and red in pattern mode only', () => {
    expect(categoryPaint(2, false).pattern).toBeUndefined();
    expect(categoryPaint(2, true).pattern).toBe('lines');
    expect(categoryPaint(3, true).pattern).toBe('grid');
    expect(categoryPaint(1, true).pattern).toBeUndefined();
  });

  it('keeps the same colours in pattern mode: the default ones are colour-blind safe already', () => {
    for (const category of [1, 2, 3] as const) expect(categoryPaint(category, true).colour).toBe(CATEGORY_COLOURS[category]);
    for (const category of [1, 2, 3] as const) expect(categoryPaint(category, false).colour).toBe(CATEGORY_COLOURS[category]);
  });
});

describe('changeKind', () => {
  it('reads a lower category as better', () => {
    expect(changeKind(3, 1)).toBe('improvedTwo');
    expect(changeKind(2, 1)).toBe('improved');
    expect(changeKind(1, 3)).toBe('worsenedTwo');
    expect(changeKind(1, 2)).toBe('worsened');
    expect(changeKind(2, 2)).toBe('unchanged');
  });

  it('tells a first assessment and a missing one apart from a change', () => {
    expect(changeKind(null, 2)).toBe('newlyAssessed');
    expect(changeKind(2, null)).toBe('notAssessed');
    expect(changeKind(null, null)).toBe('notAssessed');
  });
});

describe('changePaint', () => {
  it('marks worse with a pattern in pattern mode', () => {
    expect(changePaint('worsened', false).pattern).toBeUndefined();
    expect(changePaint('worsened', true).pattern).toBe('grid');
  });

  it('paints "not assessed" as the category map does', () => {
    expect(changePaint('notAssessed', false)).toBe(NOT_ASSESSED);
  });
});
