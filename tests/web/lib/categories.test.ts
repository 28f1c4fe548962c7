import { describe, expect, it } from 'vitest';
import { categoryName, categoryShort, swatchClass } from '../../../web/src/lib/categories.ts';

describe('categories', () => {
  it('name each category and "not assessed" by a message key', () => {
    expect(categoryName(2)).toBe('category.2');
    expect(categoryName(null)).toBe('category.none');
    expect(categoryShort(3)).toBe('category.3.short');
    expect(categoryShort(null)).toBe('category.none.short');
  });

  it('give each category its swatch class', () => {
    expect(swatchClass(1)).toBe('swatch c1');
    expect(swatchClass(null)).toBe('swatch none');
  });
});
