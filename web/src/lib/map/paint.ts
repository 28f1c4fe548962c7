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

/**
 * The category colours: the one place they are set (the CSS swatches take them from here too,
 * see display.svelte.ts). They still read as green, yellow and red, and stay apart for readers
 * with deuteranopia or protanopia: in the Machado et al. (2009) simulation every pair is at
 * least 30 CIE76 ΔE*ab apart (tests/web/lib/map/palette.test.ts). The red is a vermillion, and the
 * green a dark bluish green, because a pure red and a grass green fall together for both.
 */
export const CATEGORY_COLOURS: Readonly<Record<Category, string>> = { 1: '#0b7f64', 2: '#f8c41f', 3: '#d24315' };

/** Never red: a pale neutral with dots, in every mode. */
export const NOT_ASSESSED: Paint = { colour: '#eceff3', pattern: 'dots' };

/** The pattern each category gets in pattern mode ("Mønstre"), so the three differ without any colour. */
export const CATEGORY_PATTERNS: Readonly<Record<Category, Pattern | undefined>> = { 1: undefined, 2: 'lines', 3: 'grid' };

/**
 * Every category's paint, made once: the same category always gives the same object, so a map or
 * legend redrawn for another quarter leaves the municipalities whose category did not change alone.
 * Pattern mode keeps the colours and adds lines to yellow and a grid to red.
 */
const CATEGORY_PAINTS = {
  plain: { 1: { colour: CATEGORY_COLOURS[1] }, 2: { colour: CATEGORY_COLOURS[2] }, 3: { colour: CATEGORY_COLOURS[3] } },
  patterns: {
    1: { colour: CATEGORY_COLOURS[1] },
    2: { colour: CATEGORY_COLOURS[2], pattern: CATEGORY_PATTERNS[2] },
    3: { colour: CATEGORY_COLOURS[3], pattern: CATEGORY_PATTERNS[3] },
  },
} satisfies Record<string, Record<Category, Paint>>;

export function categoryPaint(category: Category | null, patterns: boolean): Paint {
  return category === null ? NOT_ASSESSED : CATEGORY_PAINTS[patterns ? 'patterns' : 'plain'][category];
}

/** Two steps is red ↔ green: told apart from one step, since it is the bigger story. */
export type ChangeKind = 'improvedTwo' | 'improved' | 'worsened' | 'worsenedTwo' | 'unchanged' | 'newlyAssessed' | 'notAssessed';

/** Every kind, in the order a legend lists them. */
export const CHANGE_KINDS: ChangeKind[] = ['improvedTwo', 'improved', 'worsened', 'worsenedTwo', 'unchanged', 'newlyAssessed', 'notAssessed'];

export const isChange = (kind: ChangeKind) => kind !== 'unchanged' && kind !== 'newlyAssessed' && kind !== 'notAssessed';

// Made once, like the category paints: a redrawn change map leaves unchanged fills alone.
const WORSENED: Paint = { colour: '#e66101' };
const WORSENED_PATTERNED: Paint = { colour: '#e66101', pattern: 'grid' };
const WORSENED_TWO: Paint = { colour: '#8c2d04' };
const WORSENED_TWO_PATTERNED: Paint = { colour: '#8c2d04', pattern: 'grid' };

/**
 * Blue for better and orange for worse, darker for two steps: apart from the category colours, and
 * safe for colour blindness (the two steps differ in lightness, not only in hue).
 */
export function changePaint(kind: ChangeKind, patterns: boolean): Paint {
  switch (kind) {
    case 'improvedTwo':
      return { colour: '#0b3a63' };
    case 'worsenedTwo':
      return patterns ? WORSENED_TWO_PATTERNED : WORSENED_TWO;
    case 'improved':
      return { colour: '#2c7bb6' };
    case 'worsened':
      return patterns ? WORSENED_PATTERNED : WORSENED;
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
