import type { FeatureCollection, Geometry, MultiPolygon, Polygon as GeoJsonPolygon } from 'geojson';
import { feature } from 'topojson-client';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { normaliseMunicipalityCode } from '../db/domain/municipality-code.ts';
import { GeoSourceError } from './geo-source-error.ts';
import bounds from './bounds.ts';
import type { MunicipalityShape, Polygon } from './types.ts';

/** Christiansø has a KOMKODE in DAGI but is run by the state, so it is not one of the 98. */
const CHRISTIANSOE = '0411';

/** West, south, east, north: Denmark with a margin. */
const DENMARK_LON_LAT = [7, 54, 16, 58.5];

/**
 * DAGI's files name the municipality code KOMKODE; Dataforsyningen's GeoJSON download (the
 * DAWA API) names it kode.
 */
type Properties = { KOMKODE?: unknown; kode?: unknown } | null | undefined;

/**
 * Turns DAGI data (a TopoJSON Topology or GeoJSON FeatureCollection in lon/lat whose polygons
 * carry KOMKODE or kode) into one shape per municipality. A municipality's islands are gathered
 * into one MultiPolygon by concatenating their polygons: `topojson.merge` would do it too, but
 * returns the islands with inverted winding, which d3-geo reads as polygons covering the globe.
 */
export default function dagiShapes(data: unknown, name: string): MunicipalityShape[] {
  const pieces = isTopology(data)
    ? topologyPieces(data, name)
    : isFeatureCollection(data)
      ? data.features.map((item, index) => piece(item.properties, item.geometry, index, name))
      : fail(name, 'expected a TopoJSON Topology or a GeoJSON FeatureCollection');

  const byCode = new Map<string, Polygon[]>();
  for (const { code, polygons } of pieces) {
    if (code === CHRISTIANSOE) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), ...polygons]);
  }
  const shapes = [...byCode].map(([code, polygons]) => ({ code, polygons }));
  checkLonLat(shapes, name);
  return shapes;
}

/** A file in a projected system (e.g. UTM metres) would otherwise come out as a scribble. */
function checkLonLat(shapes: MunicipalityShape[], name: string): void {
  const [x0, y0, x1, y1] = bounds(shapes);
  const [west, south, east, north] = DENMARK_LON_LAT;
  if (x0 < west || y0 < south || x1 > east || y1 > north) {
    const box = [x0, y0, x1, y1].map((v) => +v.toFixed(2)).join(', ');
    fail(name, `coordinates are not WGS84 longitude/latitude in Denmark (bounding box ${box})`);
  }
}

function topologyPieces(topology: Topology, name: string): MunicipalityShape[] {
  const collection = Object.values(topology.objects).find(
    (object): object is GeometryCollection =>
      object.type === 'GeometryCollection' && object.geometries.some((g) => codeOf(g.properties as Properties) != null),
  );
  if (!collection) fail(name, 'no TopoJSON object has geometries with a KOMKODE or kode property');
  return collection.geometries.map((geometry, index) => {
    const decoded = isPolygonal(geometry) ? decode(topology, geometry, index, name) : null;
    return piece(geometry.properties as Properties, decoded, index, name);
  });
}

function decode(topology: Topology, geometry: TopoPolygon | TopoMultiPolygon, index: number, name: string): Geometry {
  const arcs = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
  try {
    return feature(topology, { type: 'MultiPolygon', arcs }).geometry;
  } catch (error) {
    return fail(name, `geometry ${index} cannot be decoded (${(error as Error).message})`);
  }
}

function piece(properties: Properties, geometry: Geometry | null, index: number, name: string): MunicipalityShape {
  const raw = codeOf(properties);
  const code = typeof raw === 'string' || typeof raw === 'number' ? normaliseMunicipalityCode(String(raw)) : null;
  if (!code) fail(name, `geometry ${index} has no valid KOMKODE or kode (found ${JSON.stringify(raw ?? null)})`);
  if (geometry?.type === 'Polygon') return { code, polygons: [geometry.coordinates as Polygon] };
  if (geometry?.type === 'MultiPolygon') return { code, polygons: geometry.coordinates as Polygon[] };
  return fail(name, `geometry ${index} (${code}) is ${geometry?.type ?? 'empty'}, expected Polygon or MultiPolygon`);
}

function isTopology(data: unknown): data is Topology {
  const topology = data as Topology | null;
  return topology?.type === 'Topology' && typeof topology.objects === 'object' && Array.isArray(topology.arcs);
}

function isFeatureCollection(data: unknown): data is FeatureCollection<GeoJsonPolygon | MultiPolygon | null> {
  const collection = data as FeatureCollection | null;
  return collection?.type === 'FeatureCollection' && Array.isArray(collection.features);
}

function isPolygonal(geometry: GeometryObject): geometry is TopoPolygon | TopoMultiPolygon {
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}

function codeOf(properties: Properties): unknown {
  return properties?.KOMKODE ?? properties?.kode;
}

function fail(name: string, problem: string): never {
  throw new GeoSourceError(`${name}: ${problem}`);
}
