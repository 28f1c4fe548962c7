/**
 * A recorded reason in words, the same on every page: the reason's label, with the typed text
 * after it where the text says why ("Andet: …", and for a quarter not assessed); a quarter not
 * assessed without a code is told by its text alone.
 */
import { isReason, REASON_LABELS } from '../../../db/domain/reason.ts';
import { i18n } from './i18n.svelte.ts';

export function reasonWords(reason: string | null, reasonText: string | null, notAssessed: boolean): string | null {
  const label = isReason(reason) ? REASON_LABELS[reason][i18n.language] : reason;
  if (label && reasonText && (reason === 'other' || notAssessed)) return `${label}: ${reasonText}`;
  return label || reasonText;
}
