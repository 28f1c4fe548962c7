/**
 * What a preview was computed from: the file, the chosen quarter, and the current state of every
 * quarter and status row the file touches. Commit recomputes it inside its transaction; any
 * difference means someone wrote in between, and the user must look at a new preview first.
 */
import { createHash } from 'node:crypto';

export interface FingerprintInput {
  bytes: Uint8Array;
  target: string | null;
  /** Every quarter of the file with its state, null when it does not exist yet. */
  quarters: [string, string | null][];
  /** Every status row of the file ("2018K4/0101") with its current content and version, null when absent. */
  statuses: [string, unknown][];
}

export function importFingerprint({ bytes, target, quarters, statuses }: FingerprintInput): string {
  const sorted = <T extends [string, unknown]>(pairs: T[]) => [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(bytes)
    .update(JSON.stringify([target, sorted(quarters), sorted(statuses)]))
    .digest('base64url');
}
