import { describe, expect, it } from 'vitest';
import { reasonWords } from '../../../web/src/lib/reason-words.ts';

describe('a recorded reason in words', () => {
  it('is the label, with the typed text after "other" and after a quarter not assessed', () => {
    expect(reasonWords('too_few_volunteers', null, false)).toBe('For få frivillige');
    expect(reasonWords('other', 'Aktiviteten er gået i stå', false)).toBe('Andet: Aktiviteten er gået i stå');
    expect(reasonWords('too_few_volunteers', 'ignored beside a plain reason', false)).toBe('For få frivillige');
    expect(reasonWords('municipal_staff_change', 'Kontaktpersonen er på orlov', true)).toBe('Skift af kommunal kontaktperson/medarbejdere: Kontaktpersonen er på orlov');
  });

  it('is the text alone for a quarter not assessed without a code, never a dangling colon', () => {
    expect(reasonWords(null, 'Kommunen svarede ikke', true)).toBe('Kommunen svarede ikke');
    expect(reasonWords(null, null, true)).toBeNull();
  });
});
