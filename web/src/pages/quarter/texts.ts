import { counted, translator } from '../../lib/i18n.svelte.ts';
import { MESSAGES } from './messages.ts';

export const t = translator(MESSAGES);

/** A text with a count in it: "1 kommune gemt", "3 kommuner gemt". */
export const tn = counted(t);
