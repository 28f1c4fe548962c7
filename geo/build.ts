import { geoTransverseMercator } from 'd3-geo';
import checkMunicipalities from './check-municipalities.ts';
import dagiShapes from './dagi.ts';
import dropSmallRings from './drop-small-rings.ts';
import layoutMap from './layout.ts';
import projectShapes from './project.ts';
import readSource from './read-source.ts';
import resolveSource from './resolve-source.ts';
import rewind from './rewind.ts';
import simplifyTopology from './simplify.ts';
import toTopology from './to-topology.ts';
import type { MunicipalityTopology } from './types.ts';

export interface BuildOptions {
  /** A file path or an http(s) URL of DAGI municipalities in WGS84. */
  source: string;
  /** The credit shown with the map; DAGI's when not given. */
  label?: string;
}

export interface BuildStats {
  sourceLabel: string;
  municipalities: number;
  arcs: number;
  points: number;
  bytes: number;
}

export interface BuildResult {
  topology: MunicipalityTopology;
  stats: BuildStats;
}

/** Islands and holes under one square unit (a pixel at 1000 px wide) are left out. */
const MIN_RING_AREA = 1;

/**
 * Tuned by eye and by size: about 80 KB for DAGI, and the municipalities around Copenhagen,
 * each a few units across, still recognisable at 4x zoom. The 0.1-unit grid is finer than the
 * detail kept. The byte limit keeps the file under 120 KB with room for the `vv` member.
 */
const SIMPLIFY = { minWeight: 1.5, quantization: 1e4, maxBytes: 115_000 };

/**
 * Builds the municipality map the dashboard draws with geoPath(geoIdentity()): planar screen
 * units, y down, Bornholm in an inset box, simplified and quantized.
 */
export async function buildMunicipalityMap(options: BuildOptions): Promise<BuildResult> {
  const source = resolveSource(options.source, options.label);
  const lonLat = dagiShapes(await readSource(source.location, source.name), source.name);
  checkMunicipalities(lonLat, source.name);
  // A transverse Mercator on 9° E is UTM zone 32 (EPSG:25832), the projection of Danish maps.
  const shapes = projectShapes(lonLat, geoTransverseMercator().rotate([-9, 0]));

  const layout = layoutMap(shapes);
  const planar = toTopology(dropSmallRings(rewind(layout.shapes), MIN_RING_AREA));
  const { bbox, transform, objects, arcs } = simplifyTopology(planar, SIMPLIFY);
  const topology: MunicipalityTopology = {
    type: 'Topology',
    vv: {
      width: layout.width,
      height: layout.height,
      sourceLabel: source.label,
      insets: layout.insets,
    },
    bbox,
    transform,
    objects,
    arcs,
  };

  return {
    topology,
    stats: {
      sourceLabel: source.label,
      municipalities: objects.municipalities.geometries.length,
      arcs: arcs.length,
      points: arcs.reduce((sum, arc) => sum + arc.length, 0),
      bytes: Buffer.byteLength(JSON.stringify(topology)),
    },
  };
}
