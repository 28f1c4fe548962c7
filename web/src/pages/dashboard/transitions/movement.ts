/**
 * The whole period at a glance, per region: how many municipalities ever went down, how many of
 * those recovered, and how long a yellow or red spell typically lasts.
 */
import type { StatusMatrix } from '../../../lib/contract.ts';

export interface RegionMovement {
  /** A region code, or "all" for the country. */
  region: string;
  municipalities: number;
  /** Fell at least once (green → yellow, yellow → red, green → red) between assessed quarters. */
  wentDown: number;
  /** Of those, got back at least to the category held before a fall. */
  recovered: number;
  /**
   * Median length, in quarters, of a spell in yellow or red (consecutive assessed quarters at 2 or
   * 3); null when there was none. A quarter not assessed ends a spell: nothing is known about it.
   */
  medianSpell: number | null;
  /** Spells still running in the last quarter: their length is a lower bound. */
  openSpells: number;
  spells: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface OneMunicipality {
  wentDown: boolean;
  recovered: boolean;
  spells: number[];
  open: number;
}

function movementOf(categories: readonly (number | null)[]): OneMunicipality {
  let wentDown = false;
  let recovered = false;
  // The best category held before the latest fall: reaching it again is a recovery.
  let before: number | null = null;
  const spells: number[] = [];
  let run = 0;
  let previous: number | null = null;
  for (const category of categories) {
    if (previous !== null && category !== null) {
      if (category > previous) {
        wentDown = true;
        before = before === null ? previous : Math.min(before, previous);
      } else if (before !== null && category <= before) {
        recovered = true;
        before = null;
      }
    }
    if (category === 2 || category === 3) run += 1;
    else if (run > 0) {
      spells.push(run);
      run = 0;
    }
    previous = category;
  }
  if (run > 0) spells.push(run);
  return { wentDown, recovered, spells, open: run > 0 ? 1 : 0 };
}

/** One row per region, in the order given, then the country as "all". */
export function regionMovement(matrix: StatusMatrix, regions: readonly string[]): RegionMovement[] {
  const rows = [...regions, 'all'].map((region) => {
    const members = matrix.municipalities.filter((m) => region === 'all' || m.regionCode === region);
    const each = members.map((m) => movementOf(m.categories));
    const spells = each.flatMap((m) => m.spells);
    return {
      region,
      municipalities: members.length,
      wentDown: each.filter((m) => m.wentDown).length,
      recovered: each.filter((m) => m.recovered).length,
      medianSpell: median(spells),
      openSpells: each.reduce((sum, m) => sum + m.open, 0),
      spells: spells.length,
    };
  });
  return rows;
}
