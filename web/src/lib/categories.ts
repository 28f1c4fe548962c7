import type { Category } from '../../../db/domain/category.ts';
import type { MessageKey } from './messages.ts';

/** CSS colour per category; "not assessed" is a dotted neutral, never red. */
export const CATEGORY_FILL: Record<Category, string> = {
  1: 'var(--green)',
  2: 'var(--yellow)',
  3: 'var(--red)',
};

export function categoryName(category: Category | null): MessageKey {
  return category === null ? 'category.none' : (`category.${category}` as MessageKey);
}

export function categoryShort(category: Category | null): MessageKey {
  return category === null ? 'category.none.short' : (`category.${category}.short` as MessageKey);
}

export function swatchClass(category: Category | null): string {
  return category === null ? 'swatch none' : `swatch c${category}`;
}
