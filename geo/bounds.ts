import type { MunicipalityShape } from './types.ts';

/** [x0, y0, x1, y1] of every point of the given shapes. */
export default function bounds(shapes: readonly MunicipalityShape[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const { polygons } of shapes) {
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const [x, y] of ring) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
    }
  }
  return [x0, y0, x1, y1];
}
