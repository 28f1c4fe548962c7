import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../../web/src/lib/i18n.svelte.ts';
import { compareHeadline, mapHeadline, trendHeadline } from '../../../../web/src/pages/dashboard/headline.ts';

afterEach(() => {
  i18n.language = 'da';
});

describe('mapHeadline', () => {
  it('says how many are green and how many more than the quarter before', () => {
    expect(mapHeadline('2018K4', 63, 98, 58)).toBe('63 af 98 kommuner er grønne i 4. kvt. 2018 – 5 flere end kvartalet før');
  });

  it('says fewer, one fewer, or as many, and nothing of a quarter before the first', () => {
    expect(mapHeadline('2017K1', 40, 98, 43)).toBe('40 af 98 kommuner er grønne i 1. kvt. 2017 – 3 færre end kvartalet før');
    expect(mapHeadline('2017K1', 40, 98, 41)).toBe('40 af 98 kommuner er grønne i 1. kvt. 2017 – 1 færre end kvartalet før');
    expect(mapHeadline('2017K1', 40, 98, 40)).toBe('40 af 98 kommuner er grønne i 1. kvt. 2017 – lige så mange som kvartalet før');
    expect(mapHeadline('2016K2', 24, 98, null)).toBe('24 af 98 kommuner er grønne i 2. kvt. 2016');
  });

  it('reads in English', () => {
    i18n.language = 'en';
    expect(mapHeadline('2018K4', 63, 98, 62)).toBe('63 of 98 municipalities are green in Q4 2018 – 1 more than the quarter before');
  });
});

describe('compareHeadline', () => {
  it('counts the municipalities that moved up and down', () => {
    expect(compareHeadline('2016K2', '2018K4', ['improved', 'improved', 'worsened', 'unchanged', 'newlyAssessed'])).toBe(
      'Fra 2. kvt. 2016 til 4. kvt. 2018 fik 2 kommuner en bedre kategori og 1 en dårligere',
    );
  });

  it('counts a move of two steps (red ↔ green) as a move up or down too', () => {
    expect(compareHeadline('2016K2', '2018K4', ['improvedTwo', 'improved', 'worsenedTwo', 'worsenedTwo', 'notAssessed'])).toBe(
      'Fra 2. kvt. 2016 til 4. kvt. 2018 fik 2 kommuner en bedre kategori og 2 en dårligere',
    );
  });
});

describe('trendHeadline', () => {
  it('names the green municipalities at both ends', () => {
    expect(trendHeadline({ quarter: '2016K2', green: 24 }, { quarter: '2018K4', green: 63 })).toBe(
      'Grønne kommuner: 24 i 2. kvt. 2016, 63 i 4. kvt. 2018',
    );
  });
});
