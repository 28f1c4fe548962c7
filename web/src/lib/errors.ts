/**
 * The client's one error policy: what a failed request says to the user, and which form field a
 * refusal is about. The server names the field in `field` (by its API name, whatever language the
 * message is in), so a form never has to read the translated message to find it.
 */
import { ApiError } from './api.ts';
import { i18n } from './i18n.svelte.ts';

/** The server's words for a refusal, or "the server does not answer" when no answer came. */
export function errorText(error: unknown, { atField = false }: { atField?: boolean } = {}): string {
  if (error instanceof ApiError && error.status === 0) return i18n.t('app.networkError');
  // A fetch outside the API client (the map file) fails with the browser's English words.
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return i18n.t('app.networkError');
  const message = error instanceof Error ? error.message : String(error);
  // A message shown at its field drops the field's name the server puts first ("Startdato: …").
  return atField && fieldOf(error) !== null ? message.replace(/^[^:]+: /s, '') : message;
}

/** The field a one-field refusal is about, by its name in the API ("signedOn"), or null. */
export function fieldOf(error: unknown): string | null {
  const field = error instanceof ApiError ? error.body?.field : undefined;
  return typeof field === 'string' && field !== '' ? field : null;
}
