import { afterEach, describe, expect, it } from 'vitest';
import type { PriorityRow } from '../../../../web/src/lib/contract.ts';
import { i18n } from '../../../../web/src/lib/i18n.svelte.ts';
import { priorityCsv, reasonText, slug } from '../../../../web/src/pages/area/priority-text.ts';

afterEach(() => {
  i18n.language = 'da';
});

describe('reasonText', () => {
  it('words each rule with its details', () => {
    expect(reasonText({ rule: 'unstable', points: 15, detail: { changes: 3 } })).toBe('Ustabil: 3 skift på et år');
    expect(reasonText({ rule: 'volunteersMissing', points: 10, detail: { volunteers: 1 } })).toBe('Mangler 1 frivillig');
    expect(reasonText({ rule: 'volunteersMissing', points: 10, detail: { volunteers: 1200 } })).toBe('Mangler 1.200 frivillige');
    expect(reasonText({ rule: 'noAgreement', points: 10 })).toBe('Ingen aktiv samarbejdsaftale');
  });

  it('reads the rule’s default when a detail is missing', () => {
    expect(reasonText({ rule: 'longYellow', points: 10 })).toBe('Gul 4 kvartaler i træk');
  });

  it('follows the interface language', () => {
    i18n.language = 'en';
    expect(reasonText({ rule: 'unstable', points: 15, detail: { changes: 2 } })).toBe('Unstable: 2 changes in a year');
  });
});

describe('priorityCsv', () => {
  it('ranks the rows and lists the reasons with their points', () => {
    const rows = [
      {
        code: '0540',
        name: 'Sønderborg',
        areaName: 'Syd',
        category: 2,
        score: 25,
        volunteersMissing: 8,
        reasons: [
          { rule: 'noAgreement', points: 10 },
          { rule: 'volunteersMissing', points: 15, detail: { volunteers: 8 } },
        ],
      },
    ] as unknown as PriorityRow[];
    const [header, row] = priorityCsv(rows);
    expect(header[0]).toBe('rang');
    expect(row).toEqual([1, '0540', 'Sønderborg', 'Syd', 2, 'Gul', 25, 8, 'Ingen aktiv samarbejdsaftale (+10), Mangler 8 frivillige (+15)']);
  });
});

describe('slug', () => {
  it('makes a file name of a Danish name', () => {
    expect(slug('Sjælland')).toBe('sjaelland');
    expect(slug('København & omegn')).toBe('koebenhavn-omegn');
    expect(slug('  Århus Ø ')).toBe('aarhus-oe');
  });
});
