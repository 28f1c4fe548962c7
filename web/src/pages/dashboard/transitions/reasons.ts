/**
 * Why a municipality made a move: the reasons recorded at each change of category in the move's
 * span, or, for a move to "not assessed", the reason given for not assessing it.
 */
import type { CategoryChange } from '../../../lib/contract.ts';
import type { Move, State } from './transitions.ts';

export interface ReasonSources {
  /** Every recorded change of category, by municipality code. */
  changes: ReadonlyMap<string, readonly CategoryChange[]>;
  /** The reason text of each municipality left not assessed, by quarter and code. */
  notAssessed: ReadonlyMap<string, ReadonlyMap<string, string | null>>;
  /** The reason's name, e.g. "For få frivillige". */
  label: (reason: string) => string;
}

/** `after` is the quarter the span starts after: the pair's first quarter, or the step's previous one. */
export function moveReasons(move: Move, to: State, after: string, sources: ReasonSources): string[] {
  if (to === 'none') {
    const text = sources.notAssessed.get(move.quarter)?.get(move.code);
    return text ? [text] : [];
  }
  const texts = (sources.changes.get(move.code) ?? [])
    .filter((c) => c.quarter > after && c.quarter <= move.quarter)
    .map((c) => (c.reason === 'other' && c.reasonText ? c.reasonText : c.reason ? sources.label(c.reason) : (c.reasonText ?? '')))
    .filter((text) => text !== '');
  return [...new Set(texts)];
}
