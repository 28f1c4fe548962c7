import type { Category } from '../../../../db/domain/category.ts';
import type { CategoryCounts } from '../../lib/contract.ts';
import { categoryName, categoryShort } from '../../lib/categories.ts';
import { i18n } from '../../lib/i18n.svelte.ts';
import { categoryPaint, type Paint } from '../../lib/map/paint.ts';

export interface LegendItem {
  key: string;
  paint: Paint;
  zeroQuota?: boolean;
  label: string;
  description: string;
  count: number;
  /** Full wording, shown on hover and focus. */
  definition?: string;
}

type Definitions = Record<'1' | '2' | '3', { da: string; en: string }> | undefined;

/** White under the zero-quota hatch: one object, so the legend's swatch is drawn once. */
const BLANK: Paint = { colour: '#ffffff' };

/** A category's name, and in pattern mode its pattern too ("Gul, striber"): the reader may not see the colour. */
function categoryLabel(category: Category | null, paint: Paint): string {
  const name = i18n.t(categoryName(category));
  return category !== null && paint.pattern ? `${name}, ${i18n.t(`legend.pattern.${paint.pattern as 'lines' | 'grid'}`)}` : name;
}

/** The legend of a category map: green, yellow, red, not assessed, and the zero-quota hatch. */
export function categoryLegend(counts: CategoryCounts, zeroQuota: number, patterns: boolean, definitions: Definitions): LegendItem[] {
  const rows: [Category | null, keyof CategoryCounts][] = [
    [1, 'green'],
    [2, 'yellow'],
    [3, 'red'],
    [null, 'notAssessed'],
  ];
  return [
    ...rows.map(([category, key]) => ({
      key,
      paint: categoryPaint(category, patterns),
      label: categoryLabel(category, categoryPaint(category, patterns)),
      description: i18n.t(categoryShort(category)),
      count: counts[key],
      definition: category !== null && definitions ? i18n.label(definitions[String(category) as '1' | '2' | '3']) : undefined,
    })),
    {
      key: 'zeroQuota',
      paint: BLANK,
      zeroQuota: true,
      label: i18n.t('legend.zeroQuota'),
      description: i18n.t('legend.zeroQuota.short'),
      count: zeroQuota,
    },
  ];
}
