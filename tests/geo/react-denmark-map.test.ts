import { describe, expect, it } from 'vitest';
import bounds from '../../geo/bounds.ts';
import reactDenmarkMapShapes from '../../geo/react-denmark-map.ts';

describe('reactDenmarkMapShapes', async () => {
  const shapes = await reactDenmarkMapShapes();
  const byCode = new Map(shapes.map((shape) => [shape.code, shape]));

  it('reads the 98 municipality outlines and leaves out the regions', () => {
    expect(shapes).toHaveLength(98);
    expect(byCode.has('0101')).toBe(true);
    expect(byCode.has('1084')).toBe(false);
  });

  it('keeps the package\'s planar coordinates, north up', () => {
    const [, northOfFrederikshavn] = bounds([byCode.get('0813')!]);
    const [, northOfGuldborgsund] = bounds([byCode.get('0376')!]);
    expect(northOfFrederikshavn).toBeLessThan(northOfGuldborgsund);
  });

  it('gives island municipalities their islands', () => {
    expect(byCode.get('0741')!.polygons.length).toBeGreaterThanOrEqual(1);
    expect(byCode.get('0360')!.polygons.length).toBeGreaterThan(1);
  });
});
