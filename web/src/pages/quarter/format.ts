import { i18n } from '../../lib/i18n.svelte.ts';

/** Date and time of a save: in a conflict, minutes matter. */
export function when(iso: string): string {
  return new Date(iso).toLocaleString(i18n.language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
