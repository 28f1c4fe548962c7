/**
 * The interface language. Danish by default; the choice is kept in the URL (?lang=en) so a shared
 * link opens in the same language.
 */
import { quarterLabel } from '../../../db/domain/quarter.ts';
import { MESSAGES, type Language, type MessageKey } from './messages.ts';

class I18n {
  language = $state<Language>('da');

  /** The text for a key, with `{name}` placeholders filled in. */
  t = (key: MessageKey, values: Record<string, string | number> = {}): string => {
    const text: string = MESSAGES[this.language][key] ?? MESSAGES.da[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };

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
