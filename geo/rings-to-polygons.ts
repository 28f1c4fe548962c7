import type { Point, Polygon, Ring } from './types.ts';

/**
 * Groups loose rings (as SVG paths list them) into polygons with holes. A ring inside an odd
 * number of others is a hole of the smallest ring around it; that is how a nonzero or even-odd
 * fill shows it, e.g. Frederiksberg cut out of København.
 */
export default function ringsToPolygons(rings: readonly Ring[]): Polygon[] {
  const bySize = [...rings].sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)));
  const polygons: Polygon[] = [];
  const polygonOf = new Map<Ring, Polygon>();
  bySize.forEach((ring, index) => {
    const around = bySize.slice(0, index).filter((outer) => contains(outer, ring[0]));
    const parent = around.length % 2 === 1 ? polygonOf.get(around[around.length - 1]) : undefined;
    if (parent) {
      parent.push(ring);
    } else {
      const polygon = [ring];
      polygons.push(polygon);
      polygonOf.set(ring, polygon);
    }
  });
  return polygons;
}

/** Shoelace formula; positive for clockwise rings when y points down. */
export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    sum += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  }
  return sum / 2;
}

/** Even-odd ray casting. */
function contains(ring: Ring, [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
