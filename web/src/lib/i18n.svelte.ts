/**
 * The interface language. Danish by default; the choice is kept in the URL (?lang=en) so a shared
 * link opens in the same language.
 */
import { quarterLabel } from '../../../db/domain/quarter.ts';
import { MESSAGES, type Language, type MessageKey } from './messages.ts';

type Values = Record<string, string | number>;

/**
 * `{name}` is the value; `{name|one|other}` is the word for that count ("{n} {n|kommune|kommuner}"
 * reads "1 kommune", "2 kommuner"), so every text with a count gets its plural right.
 */
function fill(text: string, values: Values): string {
  return text.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (one === undefined) return String(value);
    return Number(String(value).replace(/\D/g, '')) === 1 && String(value).trim() !== '' ? one : other!;
  });
}

class I18n {
  language = $state<Language>('da');

  /** The text for a key, with `{name}` placeholders filled in. */
  t = (key: MessageKey, values: Values = {}): string => fill(MESSAGES[this.language][key] ?? MESSAGES.da[key] ?? key, values);

  quarter = (code: string): string => quarterLabel(code, this.language);

  number = (n: number): string => n.toLocaleString(this.language === 'da' ? 'da-DK' : 'en-GB');

  date = (iso: string): string =>
    new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString(this.language === 'da' ? 'da-DK' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });

  label = (label: { da: string; en: string }): string => label[this.language];
}

export const i18n = new I18n();

/** Switches language and records it in the URL (?lang=en), leaving the rest of the URL alone. */
export function setLanguage(language: Language): void {
  i18n.language = language;
  document.documentElement.lang = language;
  const url = new URL(window.location.href);
  if (language === 'da') url.searchParams.delete('lang');
  else url.searchParams.set('lang', language);
  history.replaceState(null, '', url);
}

/**
 * A page's own texts, kept beside the page: `const t = translator(MESSAGES)` where MESSAGES is
 * `{ da: {...}, en: {...} }` with the same keys. Reads the current language on every call.
 */
export function translator<Keys extends string>(messages: { da: Record<Keys, string>; en: Record<Keys, string> }) {
  return (key: Keys, values: Values = {}): string => fill(messages[i18n.language][key] ?? messages.da[key] ?? key, values);
}

/** Keys that have a ".one" variant for a count of exactly one. */
type Counted<Keys extends string> = { [K in Keys]: `${K}.one` extends Keys ? K : never }[Keys];

/**
 * Texts with a count in them: `counted(t)('saved', 1)` reads "saved.one" ("1 kommune gemt"), any
 * other count reads "saved" ("3 kommuner gemt"); `{n}` is the count as the language writes it.
 */
export function counted<Keys extends string>(t: (key: Keys, values?: Values) => string) {
  return (key: Counted<Keys>, n: number, values: Values = {}): string =>
    t((n === 1 ? `${key}.one` : key) as Keys, { n: i18n.number(n), ...values });
}
