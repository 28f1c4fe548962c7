import { afterEach, describe, expect, it } from 'vitest';
import { counted, i18n, translator } from '../../../web/src/lib/i18n.svelte.ts';

afterEach(() => {
  i18n.language = 'da';
});

const DA = { saved: '{n} kommuner gemt', 'saved.one': '{n} kommune gemt', hello: 'Hej {name}', onlyDanish: 'kun dansk' };
// A text not yet translated: the English table lacks it.
const EN = { saved: '{n} municipalities saved', 'saved.one': '{n} municipality saved', hello: 'Hello {name}' } as typeof DA;
const MESSAGES = { da: DA, en: EN };

describe('translator', () => {
  const t = translator(MESSAGES);

  it('fills placeholders in the current language', () => {
    expect(t('hello', { name: 'Aarhus' })).toBe('Hej Aarhus');
    i18n.language = 'en';
    expect(t('hello', { name: 'Aarhus' })).toBe('Hello Aarhus');
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(t('hello')).toBe('Hej {name}');
  });

  it('picks the word for a count: "1 kommune", "2 kommuner", "1.234 kommuner"', () => {
    const plural = translator({ da: { n: '{n} {n|kommune|kommuner}' }, en: { n: '{n} {n|municipality|municipalities}' } });
    expect(plural('n', { n: 1 })).toBe('1 kommune');
    expect(plural('n', { n: 0 })).toBe('0 kommuner');
    expect(plural('n', { n: '1.234' })).toBe('1.234 kommuner');
    i18n.language = 'en';
    expect(plural('n', { n: 1 })).toBe('1 municipality');
    expect(plural('n', { n: 12 })).toBe('12 municipalities');
  });

  it('falls back to Danish for a text missing in English', () => {
    i18n.language = 'en';
    expect(t('onlyDanish')).toBe('kun dansk');
  });
});

describe('counted', () => {
  const tn = counted(translator(MESSAGES));

  it('reads the ".one" text for exactly one and the plain text for any other count', () => {
    expect(tn('saved', 1)).toBe('1 kommune gemt');
    expect(tn('saved', 0)).toBe('0 kommuner gemt');
    expect(tn('saved', 3)).toBe('3 kommuner gemt');
  });

  it('writes the count as the language does', () => {
    expect(tn('saved', 1200)).toBe('1.200 kommuner gemt');
    i18n.language = 'en';
    expect(tn('saved', 1200)).toBe('1,200 municipalities saved');
  });
});

describe('i18n', () => {
  it('names a quarter in each language', () => {
    expect(i18n.quarter('2018K4')).toBe('4. kvt. 2018');
    i18n.language = 'en';
    expect(i18n.quarter('2018K4')).toBe('Q4 2018');
  });

  it('writes a date by its calendar day, whatever the time in it', () => {
    expect(i18n.date('2016-04-21')).toBe('21. apr. 2016');
    expect(i18n.date('2016-04-21T23:59:00Z')).toBe('21. apr. 2016');
  });

  it('takes the shown language of a label from the server', () => {
    expect(i18n.label({ da: 'Grøn', en: 'Green' })).toBe('Grøn');
    i18n.language = 'en';
    expect(i18n.label({ da: 'Grøn', en: 'Green' })).toBe('Green');
  });

  it('falls back to the key when no language has the text', () => {
    expect(i18n.t('no.such.key' as never)).toBe('no.such.key');
  });
});
