import type { Category } from '../../../../db/domain/category.ts';
import type { CategoryCounts } from '../../lib/contract.ts';
import { categoryName, categoryShort } from '../../lib/categories.ts';
import { i18n } from '../../lib/i18n.svelte.ts';
import { categoryPaint, NOT_ASSESSED, type Paint } from '../../lib/map/paint.ts';

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

/** The legend of a category map: green, yellow, red, not assessed, and the zero-quota hatch. */
export function categoryLegend(counts: CategoryCounts, zeroQuota: number, colourBlind: boolean, definitions: Definitions): LegendItem[] {
  const rows: [Category | null, keyof CategoryCounts][] = [
    [1, 'green'],
    [2, 'yellow'],
    [3, 'red'],
    [null, 'notAssessed'],
  ];
  return [
    ...rows.map(([category, key]) => ({
      key,
      paint: category === null ? NOT_ASSESSED : categoryPaint(category, colourBlind),
      label: i18n.t(categoryName(category)),
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
