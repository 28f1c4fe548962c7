import type { Category } from '../../../db/domain/category.ts';
import type { MessageKey } from './messages.ts';

export function categoryName(category: Category | null): MessageKey {
  return category === null ? 'category.none' : (`category.${category}` as MessageKey);
}

export function categoryShort(category: Category | null): MessageKey {
  return category === null ? 'category.none.short' : (`category.${category}.short` as MessageKey);
}

export function swatchClass(category: Category | null): string {
  return category === null ? 'swatch none' : `swatch c${category}`;
}
