import type { MunicipalityShape, Point } from './types.ts';

export type PointProjection = (point: [number, number]) => [number, number] | null;

/**
 * Moves every point on its own, unlike d3's geoProject, which resamples and clips polygons as
 * spherical shapes. Every copy of a shared border point goes through the same arithmetic, so
 * neighbours keep exactly equal coordinates and their common border can be found again.
 */
export default function projectShapes(shapes: readonly MunicipalityShape[], projection: PointProjection): MunicipalityShape[] {
  const project = (point: Point): Point => {
    const projected = projection(point);
    if (!projected) throw new Error(`Cannot project point ${point.join(', ')}`);
    return projected;
  };
  return shapes.map(({ code, polygons }) => ({
    code,
    polygons: polygons.map((polygon) => polygon.map((ring) => ring.map(project))),
  }));
}
