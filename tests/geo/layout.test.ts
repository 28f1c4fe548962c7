import { describe, expect, it } from 'vitest';
import bounds from '../../geo/bounds.ts';
import layoutMap, { BORNHOLM } from '../../geo/layout.ts';
import type { MunicipalityShape, Ring } from '../../geo/types.ts';

const square = (x: number, y: number, size: number): Ring => [
  [x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y],
];

// Planar, y down: a "mainland" 200 wide and 240 high, Bornholm far to the east.
const shapes: MunicipalityShape[] = [
  { code: '0101', polygons: [[square(100, 40, 100)]] },
  { code: '0860', polygons: [[square(0, 0, 120)], [square(0, 140, 100)]] },
  { code: BORNHOLM, polygons: [[square(900, 200, 20)]] },
];

describe('layoutMap', () => {
  const layout = layoutMap(shapes);
  const [box] = layout.insets;
  const placed = (code: string) => bounds(layout.shapes.filter((shape) => shape.code === code));

  it('fits the mainland into 1000 units wide, keeping its aspect ratio', () => {
    const [x0, y0, x1, y1] = bounds(layout.shapes.filter((shape) => shape.code !== BORNHOLM));
    expect(layout.width).toBe(1000);
    expect(x0).toBeGreaterThan(0);
    expect(x1).toBeLessThan(1000);
    expect((y1 - y0) / (x1 - x0)).toBeCloseTo(240 / 200);
    expect(layout.height).toBeGreaterThanOrEqual(y1);
  });

  it('moves Bornholm at the same scale into an inset box in the bottom-right corner (the Baltic)', () => {
    const [x0, y0, x1, y1] = placed(BORNHOLM);
    const [mx0, , mx1] = placed('0101');
    expect(x1 - x0).toBeCloseTo(((mx1 - mx0) / 100) * 20);
    expect(y1 - y0).toBeCloseTo(x1 - x0);
    expect(box).toMatchObject({ name: 'bornholm', codes: [BORNHOLM] });
    expect(x0).toBeGreaterThan(box.x);
    expect(y0).toBeGreaterThan(box.y);
    expect(x1).toBeLessThan(box.x + box.width);
    expect(y1).toBeLessThan(box.y + box.height);
    expect(box.x + box.width).toBeLessThan(layout.width);
    expect(box.y + box.height).toBeGreaterThan(layout.height * 0.75);
    expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    expect(box.x).toBeGreaterThan(layout.width / 2);
  });
});
