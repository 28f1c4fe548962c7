import type { GeometryCollection, Topology } from 'topojson-specification';

/** Longitude/latitude or planar x/y, depending on the stage of the build. */
export type Point = [number, number];

/** A closed ring: the last point repeats the first. */
export type Ring = Point[];

/** An exterior ring followed by its holes. */
export type Polygon = Ring[];

/** One municipality's outline, every island its own polygon. */
export interface MunicipalityShape {
  code: string;
  polygons: Polygon[];
}

/** A rectangle drawn apart from the rest of the map, e.g. Bornholm; the client frames it. */
export interface InsetBox {
  name: string;
  codes: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The map's foreign member "vv": everything the client needs besides the geometry. */
export interface MapMeta {
  width: number;
  height: number;
  /** The credit for the boundaries, shown wherever the map is (footer, exports, print). */
  sourceLabel: string;
  insets: InsetBox[];
}

export interface MunicipalityProperties {
  name: string;
  region: string;
}

export type MunicipalityObjects = { municipalities: GeometryCollection<MunicipalityProperties> };

export type MunicipalityTopology = Topology<MunicipalityObjects> & { vv: MapMeta };
