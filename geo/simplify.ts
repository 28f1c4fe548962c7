import { quantize } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';
import type { MunicipalityObjects } from './types.ts';

export interface SimplifyOptions {
  /** Visvalingam weight: points whose triangle is smaller than this many square units go. */
  minWeight: number;
  /** Grid size of the output; coordinates become integers below it, stored as deltas. */
  quantization: number;
  /** Size limit of the topology as compact JSON. */
  maxBytes: number;
}

/**
 * Thins out a planar topology (planar triangle area is presimplify's default weight) and
 * quantizes it. Arcs are simplified once, whoever shares them, so neighbours still meet.
 * A more detailed source keeps more points at the same weight, so the weight doubles until the
 * result fits in `maxBytes`.
 */
export default function simplifyTopology(
  topology: Topology<MunicipalityObjects>,
  { minWeight, quantization, maxBytes }: SimplifyOptions,
): Topology<MunicipalityObjects> {
  const weighted = presimplify(topology);
  weighted.arcs.forEach(keepRingShape);
  const heaviest = weighted.arcs.flat().reduce((max, [, , weight]) => (weight < Infinity && weight > max ? weight : max), 0);
  for (let weight = minWeight; ; weight *= 2) {
    const simplified = quantize(simplify(weighted, weight), quantization);
    if (Buffer.byteLength(JSON.stringify(simplified)) <= maxBytes) return simplified;
    if (weight > heaviest) throw new Error(`The map cannot be simplified to ${maxBytes} bytes`);
  }
}

/**
 * Simplification always keeps an arc's endpoints but may drop everything between them, which
 * turns a one-arc island into a point and a two-arc ring into a line. Keeping the heaviest
 * interior points (two on a closed arc, one otherwise) leaves every ring an area.
 */
function keepRingShape(arc: number[][]): void {
  const [first, last] = [arc[0], arc[arc.length - 1]];
  const closed = first[0] === last[0] && first[1] === last[1];
  arc
    .slice(1, -1)
    .sort((a, b) => b[2] - a[2])
    .slice(0, closed ? 2 : 1)
    .forEach((point) => (point[2] = Infinity));
}
