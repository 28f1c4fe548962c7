import ringArea from './ring-area.ts';
import type { MunicipalityShape, Ring } from './types.ts';

/**
 * Planar renderers tell holes from islands by winding (nonzero fill, d3's path area), and sources
 * disagree on it. Exterior rings run clockwise on screen, holes the other way; with y flipped
 * back up that is GeoJSON's (RFC 7946) convention.
 */
export default function rewind(shapes: readonly MunicipalityShape[]): MunicipalityShape[] {
  return shapes.map(({ code, polygons }) => ({
    code,
    polygons: polygons.map(([exterior, ...holes]) => [orient(exterior, 1), ...holes.map((hole) => orient(hole, -1))]),
  }));
}

function orient(ring: Ring, sign: 1 | -1): Ring {
  return Math.sign(ringArea(ring)) === -sign ? [...ring].reverse() : ring;
}
