import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../../web/src/lib/i18n.svelte.ts';
import { mapCreditLine } from '../../../../web/src/lib/map/map-credit.svelte.ts';
import { sourceLines } from '../../../../web/src/pages/dashboard/sources.ts';

afterEach(() => {
  i18n.language = 'da';
});

describe('sourceLines', () => {
  it('names the data, and the map’s own credit when the figure is a map', () => {
    expect(sourceLines('live', 'Danmarks Administrative Geografiske Inddeling')).toEqual([
      'Kilde: VV Monitor, Røde Kors og Dansk Flygtningehjælp.',
      'Kort: Danmarks Administrative Geografiske Inddeling.',
    ]);
    expect(sourceLines('live', null)).toHaveLength(1);
  });

  it('flags invented data', () => {
    expect(sourceLines('demo', null)[0]).toContain('DEMODATA');
    i18n.language = 'en';
    expect(sourceLines('demo', null)[0]).toContain('DEMO DATA');
  });
});

describe('mapCreditLine', () => {
  it('keeps the licensor’s wording and does not double its full stop', () => {
    expect(mapCreditLine(' SDFI, DAGI. ')).toBe('Kort: SDFI, DAGI.');
  });
});
