/**
 * How a municipality is painted: a colour and, where colour alone is not enough, a pattern.
 * Concrete colours (not CSS variables) so an exported SVG or PNG looks the same as the screen.
 */
import type { Category } from '../../../../db/domain/category.ts';

export type Pattern = 'dots' | 'lines' | 'grid' | 'diagonal';

export interface Paint {
  colour: string;
  pattern?: Pattern;
}

/** Standard colours, and Okabe–Ito colours that stay apart for the common colour-vision deficiencies. */
const PALETTES = {
  standard: { 1: '#2b9a58', 2: '#f0bf2c', 3: '#cf3f35' },
  colourBlind: { 1: '#009e73', 2: '#f0e442', 3: '#d55e00' },
} as const;

/** Never red: a pale neutral with dots, in every mode. */
export const NOT_ASSESSED: Paint = { colour: '#eceff3', pattern: 'dots' };

/**
 * Every category's paint, made once: the same category always gives the same object, so a map or
 * legend redrawn for another quarter leaves the municipalities whose category did not change alone.
 * In colour-blind mode yellow also gets lines and red a grid, so the three differ without colour.
 */
const CATEGORY_PAINTS = {
  standard: { 1: { colour: PALETTES.standard[1] }, 2: { colour: PALETTES.standard[2] }, 3: { colour: PALETTES.standard[3] } },
  colourBlind: {
    1: { colour: PALETTES.colourBlind[1] },
    2: { colour: PALETTES.colourBlind[2], pattern: 'lines' },
    3: { colour: PALETTES.colourBlind[3], pattern: 'grid' },
  },
} as const satisfies Record<keyof typeof PALETTES, Record<Category, Paint>>;

export function categoryPaint(category: Category | null, colourBlind: boolean): Paint {
  return category === null ? NOT_ASSESSED : CATEGORY_PAINTS[colourBlind ? 'colourBlind' : 'standard'][category];
}

/** Two steps is red ↔ green: told apart from one step, since it is the bigger story. */
export type ChangeKind = 'improvedTwo' | 'improved' | 'worsened' | 'worsenedTwo' | 'unchanged' | 'newlyAssessed' | 'notAssessed';

/** Every kind, in the order a legend lists them. */
export const CHANGE_KINDS: ChangeKind[] = ['improvedTwo', 'improved', 'worsened', 'worsenedTwo', 'unchanged', 'newlyAssessed', 'notAssessed'];

export const isChange = (kind: ChangeKind) => kind !== 'unchanged' && kind !== 'newlyAssessed' && kind !== 'notAssessed';

/**
 * Blue for better and orange for worse, darker for two steps: apart from the category colours, and
 * safe for colour blindness (the two steps differ in lightness, not only in hue).
 */
export function changePaint(kind: ChangeKind, colourBlind: boolean): Paint {
  switch (kind) {
    case 'improvedTwo':
      return { colour: '#0b3a63' };
    case 'worsenedTwo':
      return colourBlind ? { colour: '#8c2d04', pattern: 'grid' } : { colour: '#8c2d04' };
    case 'improved':
      return { colour: '#2c7bb6' };
    case 'worsened':
      return colourBlind ? { colour: '#e66101', pattern: 'grid' } : { colour: '#e66101' };
    case 'unchanged':
      return { colour: '#d5dbe2' };
    case 'newlyAssessed':
      return { colour: '#8e7cc3', pattern: 'lines' };
    case 'notAssessed':
      return NOT_ASSESSED;
  }
}

/** The change between two categories; a lower number is better (1 green … 3 red). */
export function changeKind(from: Category | null, to: Category | null): ChangeKind {
  if (to === null) return 'notAssessed';
  if (from === null) return 'newlyAssessed';
  if (to === from) return 'unchanged';
  const two = Math.abs(to - from) === 2;
  return to < from ? (two ? 'improvedTwo' : 'improved') : two ? 'worsenedTwo' : 'worsened';
}

/** Marks drawn over the fill; the zero-quota hatch goes over any paint. */
export const PATTERN_MARKS: Record<Pattern, { size: number; rotate?: number; marks: string }> = {
  dots: { size: 6, marks: '<circle cx="3" cy="3" r="1.1" fill="#8a95a3"/>' },
  lines: { size: 5, marks: '<line x1="0" y1="2.5" x2="5" y2="2.5" stroke="#1d2733" stroke-opacity="0.5" stroke-width="1.1"/>' },
  grid: {
    size: 6,
    marks:
      '<path d="M0 3H6M3 0V6" stroke="#1d2733" stroke-opacity="0.45" stroke-width="1.1"/>',
  },
  diagonal: {
    size: 7,
    rotate: 45,
    marks:
      '<line x1="0" y1="0" x2="0" y2="7" stroke="#ffffff" stroke-opacity="0.9" stroke-width="2.4"/><line x1="2.4" y1="0" x2="2.4" y2="7" stroke="#18222e" stroke-opacity="0.6" stroke-width="1"/>',
  },
};
