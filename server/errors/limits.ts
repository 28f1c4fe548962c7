/**
 * Limits on what a refusal says back. A refusal names the field and the rule; it quotes the
 * rejected value only briefly, so a hostile value can neither fill the answer and the log nor make
 * translating the message expensive. The README lists them under "Limits on input", with the
 * limits on requests (http/json-body.ts, db/domain/limits.ts).
 */

/** Characters of a rejected value quoted in a refusal (never for a secret; see http/schema-errors.ts). */
export const MAX_ECHO_CHARS = 80;

/** Characters of a whole refusal message, in either language. */
export const MAX_MESSAGE_CHARS = 2000;

/** The first `max` characters of `text`, with an ellipsis when something was cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never end on the first half of a surrogate pair: that would make a lone surrogate.
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
