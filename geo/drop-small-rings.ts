import ringArea from './ring-area.ts';
import type { MunicipalityShape, Polygon } from './types.ts';

/**
 * Islets and holes smaller than `minArea` would be specks at the map's scale yet cost bytes.
 * Every municipality keeps its largest polygon whatever its size, so none disappears.
 */
export default function dropSmallRings(shapes: readonly MunicipalityShape[], minArea: number): MunicipalityShape[] {
  const big = (ring: Polygon[number]): boolean => Math.abs(ringArea(ring)) >= minArea;
  return shapes.map(({ code, polygons }) => {
    const largest = polygons.reduce((a, b) => (Math.abs(ringArea(b[0])) > Math.abs(ringArea(a[0])) ? b : a));
    return {
      code,
      polygons: polygons
        .filter((polygon) => polygon === largest || big(polygon[0]))
        .map(([exterior, ...holes]) => [exterior, ...holes.filter(big)]),
    };
  });
}
