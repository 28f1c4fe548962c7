import type { Ring } from './types.ts';

/** Shoelace formula; positive for clockwise rings when y points down. */
export default function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    sum += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  }
  return sum / 2;
}
