import { describe, expect, it } from 'vitest';
import type { StatusMatrix } from '../../../../../web/src/lib/contract.ts';
import { layoutFlows } from '../../../../../web/src/pages/dashboard/transitions/flow-layout.ts';
import { transitionsBetween } from '../../../../../web/src/pages/dashboard/transitions/transitions.ts';

const row = (code: string, categories: (1 | 2 | 3 | null)[]) => ({ code, name: code, regionCode: '1084', categories, changes: [] });
const matrix: StatusMatrix = {
  quarters: ['a', 'b'],
  municipalities: [row('1', [1, 1]), row('2', [1, 2]), row('3', [1, 3]), row('4', [2, 1]), row('5', [3, null])],
};
const size = { width: 400, height: 220, nodeWidth: 16, gap: 10 };

describe('layoutFlows', () => {
  const { nodes, bands } = layoutFlows(transitionsBetween(matrix, 'a', 'b'), size);

  it('makes each state as tall as its count, leaving out empty states', () => {
    const from = nodes.filter((n) => n.side === 'from');
    expect(from.map((n) => [n.state, n.count])).toEqual([[1, 3], [2, 1], [3, 1]]);
    // 5 municipalities and 3 gaps (the "to" side has four states) share 220 units: 38 per municipality.
    expect(from[0].height).toBeCloseTo(3 * 38);
    expect(nodes.filter((n) => n.side === 'to').map((n) => n.state)).toEqual([1, 2, 3, 'none']);
  });

  it('draws one band per non-empty flow, as wide as its count, in order so none cross at an end', () => {
    expect(bands.map((b) => `${b.from}>${b.to}`)).toEqual(['1>1', '1>2', '1>3', '2>1', '3>none']);
    expect(bands.every((b) => Math.abs(b.width - 38) < 1e-9)).toBe(true);
    const fromGreen = bands.filter((b) => b.from === 1).map((b) => b.y0);
    expect(fromGreen).toEqual([...fromGreen].sort((a, b) => a - b));
    const intoGreen = bands.filter((b) => b.to === 1);
    expect(intoGreen[0].y1).toBeLessThan(intoGreen[1].y1);
  });

  it('stays within its box', () => {
    expect(Math.max(...nodes.map((n) => n.y + n.height))).toBeLessThanOrEqual(size.height + 1e-9);
  });
});
