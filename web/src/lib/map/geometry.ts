/**
 * Turns the pre-projected TopoJSON (built by geo/) into SVG path strings once. The browser does no
 * projection work: coordinates are already screen units, so geoIdentity only passes them through.
 */
import { geoIdentity, geoPath } from 'd3-geo';
import { feature, mesh, neighbors } from 'topojson-client';
import type { InsetBox, MunicipalityProperties, MunicipalityTopology } from '../../../../geo/types.ts';
import { i18n } from '../i18n.svelte.ts';
import { mapCredit } from './map-credit.svelte.ts';

export interface MunicipalityShape {
  code: string;
  name: string;
  region: string;
  d: string;
  /** Where a label or keyboard focus ring can sit: the shape's centroid. */
  centroid: [number, number];
  /** [x0, y0, x1, y1] */
  bounds: [number, number, number, number];
}

/** A box drawn apart from the rest of the map (Bornholm), as the map file describes it. */
export type Inset = InsetBox;

/** A zoomed copy of an area too small to read at country scale, drawn beside the map. */
export interface Zoom {
  name: string;
  codes: string[];
  /** The area on the map: [x0, y0, x1, y1]. */
  bounds: [number, number, number, number];
  /**
   * The borders of the area's own municipalities, like the map's three meshes: the zoomed copy
   * redraws these on every change of colour, and the whole country's borders would cost it a frame.
   */
  municipalBorders: string;
  regionBorders: string;
  outline: string;
}

/**
 * The 18 municipalities of Copenhagen and its suburbs (Københavns Kommune, Frederiksberg and
 * Københavns omegn): a few map units each at country scale.
 */
export const COPENHAGEN_AREA = [
  '0101', '0147', '0151', '0153', '0155', '0157', '0159', '0161', '0163',
  '0165', '0167', '0169', '0173', '0175', '0183', '0185', '0187', '0190',
];

export interface MapGeometry {
  width: number;
  height: number;
  /** The boundaries' credit, e.g. DAGI's as Dataforsyningen words it. */
  sourceLabel: string;
  municipalities: MunicipalityShape[];
  /** Borders between municipalities of the same region, drawn once. */
  municipalBorders: string;
  /** Borders between regions. */
  regionBorders: string;
  /** The outer coastline and the land border. */
  outline: string;
  insets: Inset[];
  zoom: Zoom;
  /** The municipalities sharing a border with each, by code: where the arrow keys go. */
  neighbours: Map<string, string[]>;
}

export function toMapGeometry(topology: MunicipalityTopology): MapGeometry {
  const path = geoPath(geoIdentity());
  const object = topology.objects.municipalities;
  const features = feature(topology, object).features;
  const municipalities = features.map((f) => ({
    code: String(f.id),
    name: f.properties.name,
    region: f.properties.region,
    d: path(f) ?? '',
    centroid: path.centroid(f) as [number, number],
    bounds: path.bounds(f).flat() as [number, number, number, number],
  }));
  // topojson-client types the mesh filter loosely; the geometries are ours, with properties.
  type Geometry = Parameters<NonNullable<Parameters<typeof mesh>[2]>>[0];
  const regionOf = (g: Geometry) => (g as { properties?: MunicipalityProperties }).properties?.region;
  const zoomBounds = boundsOf(features.filter((f) => COPENHAGEN_AREA.includes(String(f.id))), path);
  // The zoomed panel shows the area's own municipalities, whole, and no slices of their neighbours:
  // its edge against the rest of the country is drawn as its outline.
  const inArea = (g: Geometry) => COPENHAGEN_AREA.includes(String((g as { id?: string | number }).id));
  const bordering = neighbors(object.geometries);
  const neighbours = new Map(municipalities.map((m, i) => [m.code, bordering[i].map((j) => municipalities[j].code)]));
  return {
    width: topology.vv.width,
    height: topology.vv.height,
    sourceLabel: topology.vv.sourceLabel,
    municipalities,
    municipalBorders: path(mesh(topology, object, (a: Geometry, b: Geometry) => a !== b && regionOf(a) === regionOf(b))) ?? '',
    regionBorders: path(mesh(topology, object, (a: Geometry, b: Geometry) => a !== b && regionOf(a) !== regionOf(b))) ?? '',
    outline: path(mesh(topology, object, (a: Geometry, b: Geometry) => a === b)) ?? '',
    insets: topology.vv.insets,
    neighbours,
    zoom: {
      name: 'copenhagen',
      codes: COPENHAGEN_AREA,
      bounds: zoomBounds,
      municipalBorders: path(mesh(topology, object, (a: Geometry, b: Geometry) => a !== b && inArea(a) && inArea(b) && regionOf(a) === regionOf(b))) ?? '',
      regionBorders: path(mesh(topology, object, (a: Geometry, b: Geometry) => a !== b && inArea(a) && inArea(b) && regionOf(a) !== regionOf(b))) ?? '',
      outline: path(mesh(topology, object, (a: Geometry, b: Geometry) => (a === b ? inArea(a) : inArea(a) !== inArea(b)))) ?? '',
    },
  };
}

function boundsOf<F extends Parameters<ReturnType<typeof geoPath>['bounds']>[0]>(
  features: F[],
  path: ReturnType<typeof geoPath>,
): [number, number, number, number] {
  const boxes = features.map((f) => path.bounds(f));
  return [
    Math.min(...boxes.map((b) => b[0][0])),
    Math.min(...boxes.map((b) => b[0][1])),
    Math.max(...boxes.map((b) => b[1][0])),
    Math.max(...boxes.map((b) => b[1][1])),
  ];
}

export async function loadMapGeometry(url = '/geo/municipalities.topo.json'): Promise<MapGeometry> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(i18n.t('map.loadFailed', { status: response.status }));
  const geometry = toMapGeometry(await response.json());
  mapCredit.label = geometry.sourceLabel;
  return geometry;
}
