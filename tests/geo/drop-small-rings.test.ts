import { describe, expect, it } from 'vitest';
import dropSmallRings from '../../geo/drop-small-rings.ts';
import type { Ring } from '../../geo/types.ts';

const square = (x: number, y: number, size: number): Ring => [
  [x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y],
];

describe('dropSmallRings', () => {
  it('drops islets and holes below the minimum area', () => {
    const [{ polygons }] = dropSmallRings(
      [{ code: '0101', polygons: [[square(0, 0, 10), square(1, 1, 0.5), square(4, 4, 3)], [square(20, 20, 0.5)]] }],
      1,
    );
    expect(polygons).toEqual([[square(0, 0, 10), square(4, 4, 3)]]);
  });

  it('keeps the largest polygon of a municipality smaller than the minimum', () => {
    const [{ polygons }] = dropSmallRings([{ code: '0155', polygons: [[square(0, 0, 0.2)], [square(5, 5, 0.5)]] }], 1);
    expect(polygons).toEqual([[square(5, 5, 0.5)]]);
  });
});
