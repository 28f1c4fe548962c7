import { geoTransverseMercator } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import projectShapes from '../../geo/project.ts';

describe('projectShapes', () => {
  it('projects every point on its own, keeping rings and polygons as they are', () => {
    const shapes = [{ code: '0101', polygons: [[[[0, 0], [2, 0], [2, 1], [0, 0]]]] as [number, number][][][] }];
    expect(projectShapes(shapes, ([x, y]) => [x * 10, y + 1])).toEqual([
      { code: '0101', polygons: [[[[0, 1], [20, 1], [20, 2], [0, 1]]]] },
    ]);
  });

  it('puts north up with a d3 projection (y grows southwards)', () => {
    const shapes = [{ code: '0101', polygons: [[[[9, 57], [10, 55], [9, 55], [9, 57]]]] as [number, number][][][] }];
    const [north, south] = projectShapes(shapes, geoTransverseMercator().rotate([-9, 0]))[0].polygons[0][0];
    expect(north[1]).toBeLessThan(south[1]);
  });

  it('fails on a point the projection cannot place', () => {
    const shapes = [{ code: '0101', polygons: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] as [number, number][][][] }];
    expect(() => projectShapes(shapes, () => null)).toThrow('Cannot project point 0, 0');
  });
});
