import { i18n, translator } from '../../lib/i18n.svelte.ts';
import { MESSAGES, type QuarterMessageKey } from './messages.ts';

export const t = translator(MESSAGES);

/** Keys that have a ".one" variant for a count of exactly one. */
type Counted = { [K in QuarterMessageKey]: `${K}.one` extends QuarterMessageKey ? K : never }[QuarterMessageKey];

/** A text with a count in it: "1 kommune gemt", "3 kommuner gemt". */
export function tn(key: Counted, n: number, values: Record<string, string | number> = {}): string {
  return t(n === 1 ? (`${key}.one` as QuarterMessageKey) : key, { n: i18n.number(n), ...values });
}
