/** Readings of a built map shared by the build tests and the committed map's tests. */
import { geoIdentity, geoPath } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { MunicipalityProperties, MunicipalityTopology } from '../../geo/types.ts';

export const path = geoPath(geoIdentity());

export type Municipality = Feature<Polygon | MultiPolygon, MunicipalityProperties>;

export const municipalities = (topology: MunicipalityTopology) =>
  feature(topology, topology.objects.municipalities).features as Municipality[];

/** Which municipalities use each arc, whichever way round. */
export function municipalitiesByArc(topology: MunicipalityTopology): Map<number, Set<string>> {
  const users = new Map<number, Set<string>>();
  for (const geometry of topology.objects.municipalities.geometries) {
    const arcs = 'arcs' in geometry ? ([geometry.arcs].flat(3) as number[]) : [];
    for (const index of arcs) {
      const arc = index < 0 ? ~index : index;
      users.set(arc, (users.get(arc) ?? new Set()).add(String(geometry.id)));
    }
  }
  return users;
}

/** Whether each municipality lies inside the inset box (Bornholm) or wholly apart from it. */
export function insetPlacement(topology: MunicipalityTopology): { code: string; inside: boolean; apart: boolean }[] {
  const [box] = topology.vv.insets;
  return municipalities(topology).map((municipality) => {
    const [[x0, y0], [x1, y1]] = path.bounds(municipality);
    return {
      code: String(municipality.id),
      inside: x0 >= box.x && y0 >= box.y && x1 <= box.x + box.width && y1 <= box.y + box.height,
      apart: x1 < box.x || y1 < box.y || x0 > box.x + box.width || y0 > box.y + box.height,
    };
  });
}
