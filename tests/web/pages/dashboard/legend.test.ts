import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../../web/src/lib/i18n.svelte.ts';
import { categoryPaint, NOT_ASSESSED } from '../../../../web/src/lib/map/paint.ts';
import { categoryLegend } from '../../../../web/src/pages/dashboard/legend.ts';

afterEach(() => {
  i18n.language = 'da';
});

const counts = { green: 60, yellow: 30, red: 3, notAssessed: 5 };
const definitions = { '1': { da: 'Alt kører', en: 'All well' }, '2': { da: 'Noget', en: 'Some' }, '3': { da: 'Meget', en: 'Much' } };

describe('categoryLegend', () => {
  it('lists green, yellow, red, not assessed and zero quota with their counts', () => {
    const legend = categoryLegend(counts, 12, false, undefined);
    expect(legend.map((item) => [item.key, item.count])).toEqual([
      ['green', 60],
      ['yellow', 30],
      ['red', 3],
      ['notAssessed', 5],
      ['zeroQuota', 12],
    ]);
  });

  it('paints each row as the map does, in the chosen mode', () => {
    const legend = categoryLegend(counts, 0, true, undefined);
    expect(legend[1].paint).toBe(categoryPaint(2, true));
    expect(legend[3].paint).toBe(NOT_ASSESSED);
    expect(legend[4].zeroQuota).toBe(true);
  });

  it('names the pattern beside the category in pattern mode, and no pattern without it', () => {
    expect(categoryLegend(counts, 0, true, undefined).map((item) => item.label)).toEqual(['Grøn', 'Gul, striber', 'Rød, tern', 'Ikke vurderet', '0-kvote']);
    expect(categoryLegend(counts, 0, false, undefined).map((item) => item.label).slice(0, 3)).toEqual(['Grøn', 'Gul', 'Rød']);
  });

  it('gives the categories their full definitions in the interface language', () => {
    i18n.language = 'en';
    const legend = categoryLegend(counts, 0, false, definitions);
    expect(legend[0].definition).toBe('All well');
    expect(legend[0].label).toBe('Green');
    expect(legend[3].definition).toBeUndefined();
  });
});
