import { describe, expect, it } from 'vitest';
import ringArea from '../../geo/ring-area.ts';
import type { Ring } from '../../geo/types.ts';

const square = (x: number, y: number, size: number): Ring => [
  [x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y],
];

describe('ringArea', () => {
  it('is positive for rings running clockwise on screen (y down)', () => {
    expect(ringArea(square(0, 0, 2))).toBe(4);
    expect(ringArea([...square(0, 0, 2)].reverse())).toBe(-4);
  });
});
