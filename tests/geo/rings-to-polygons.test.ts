import { describe, expect, it } from 'vitest';
import ringsToPolygons, { ringArea } from '../../geo/rings-to-polygons.ts';
import type { Ring } from '../../geo/types.ts';

const square = (x: number, y: number, size: number): Ring => [
  [x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y],
];

describe('ringsToPolygons', () => {
  it('makes a ring inside another a hole of it', () => {
    const outer = square(0, 0, 10);
    const hole = square(2, 2, 2);
    expect(ringsToPolygons([hole, outer])).toEqual([[outer, hole]]);
  });

  it('makes separate rings separate polygons', () => {
    expect(ringsToPolygons([square(0, 0, 1), square(5, 5, 2)])).toEqual([[square(5, 5, 2)], [square(0, 0, 1)]]);
  });

  it('makes an island inside a hole a polygon of its own', () => {
    const outer = square(0, 0, 10);
    const hole = square(2, 2, 6);
    const island = square(4, 4, 2);
    expect(ringsToPolygons([island, hole, outer])).toEqual([[outer, hole], [island]]);
  });
});

describe('ringArea', () => {
  it('is positive for rings running clockwise on screen (y down)', () => {
    expect(ringArea(square(0, 0, 2))).toBe(4);
    expect(ringArea([...square(0, 0, 2)].reverse())).toBe(-4);
  });
});
