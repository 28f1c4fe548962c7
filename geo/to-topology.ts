import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { MUNICIPALITIES } from '../db/reference/municipalities.ts';
import type { MunicipalityObjects, MunicipalityProperties, MunicipalityShape } from './types.ts';

/**
 * Builds the `municipalities` object, sorted by code, with names and regions from the reference
 * list rather than the source. Borders whose points are exactly equal become one shared arc.
 */
export default function toTopology(shapes: readonly MunicipalityShape[]): Topology<MunicipalityObjects> {
  const reference = new Map(MUNICIPALITIES.map((municipality) => [municipality.code, municipality]));
  const features = [...shapes]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ code, polygons }): Feature<Polygon | MultiPolygon, MunicipalityProperties> => {
      const municipality = reference.get(code);
      if (!municipality) throw new Error(`Unknown municipality code ${code}`);
      return {
        type: 'Feature',
        id: code,
        properties: { name: municipality.name, region: municipality.regionCode },
        geometry: polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0] }
          : { type: 'MultiPolygon', coordinates: polygons },
      };
    });
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  return topology({ municipalities: collection }) as Topology<MunicipalityObjects>;
}
