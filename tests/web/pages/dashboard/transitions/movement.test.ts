import { describe, expect, it } from 'vitest';
import type { StatusMatrix } from '../../../../../web/src/lib/contract.ts';
import { median, regionMovement } from '../../../../../web/src/pages/dashboard/transitions/movement.ts';

const row = (code: string, regionCode: string, categories: (1 | 2 | 3 | null)[]) => ({ code, name: code, regionCode, categories, changes: [] });

describe('median', () => {
  it('is the middle value, or the mean of the two middle values; null for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('regionMovement', () => {
  const matrix: StatusMatrix = {
    quarters: ['a', 'b', 'c', 'd', 'e'],
    municipalities: [
      // Fell, and came back to green: went down and recovered; one yellow spell of 2.
      row('1', '1081', [1, 2, 2, 1, 1]),
      // Fell to red and stayed: went down, not recovered; one spell of 4, still running.
      row('2', '1081', [1, 3, 3, 3, 3]),
      // Yellow throughout with a gap not assessed: two spells (2 and 2), never went down.
      row('3', '1082', [2, 2, null, 2, 2]),
      // Yellow → red → yellow: went down, recovered to yellow.
      row('4', '1082', [2, 3, 2, 2, 2]),
      // Green throughout.
      row('5', '1082', [1, 1, 1, 1, 1]),
    ],
  };

  it('counts falls and recoveries per region and for the country', () => {
    const rows = regionMovement(matrix, ['1081', '1082']);
    expect(rows.map((r) => [r.region, r.municipalities, r.wentDown, r.recovered])).toEqual([
      ['1081', 2, 2, 1],
      ['1082', 3, 1, 1],
      ['all', 5, 3, 2],
    ]);
  });

  it('measures yellow-or-red spells in quarters; a quarter not assessed ends a spell', () => {
    const [north, middle, all] = regionMovement(matrix, ['1081', '1082']);
    expect(north).toMatchObject({ medianSpell: 3, spells: 2, openSpells: 1 });
    expect(middle).toMatchObject({ medianSpell: 2, spells: 3, openSpells: 2 });
    expect(all.spells).toBe(5);
    expect(regionMovement({ quarters: ['a'], municipalities: [row('5', '1082', [1])] }, [])[0].medianSpell).toBeNull();
  });
});
