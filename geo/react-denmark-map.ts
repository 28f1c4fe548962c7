import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normaliseMunicipalityCode } from '../db/domain/municipality-code.ts';
import { MUNICIPALITIES } from '../db/reference/municipalities.ts';
import { GeoSourceError } from './geo-source-error.ts';
import ringsToPolygons from './rings-to-polygons.ts';
import svgPathRings from './svg-path.ts';
import type { MunicipalityShape, Ring } from './types.ts';

/**
 * Entries of the package's minified bundle look like
 * `{id:"koebenhavn",…,code:"101",d:"M9821.42,8177.47c…Z"}`. The same bundle holds regions
 * (codes 1081–1085), which are left out.
 */
const ENTRY = /code:"(\d{3,4})",d:"([^"]+)"/g;

/**
 * The bundle is read as text rather than imported, because importing it needs React. Its
 * coordinates are planar with y pointing down, so they need no projection.
 */
export default async function reactDenmarkMapShapes(): Promise<MunicipalityShape[]> {
  const { file, text } = await readBundle();
  const municipalityCodes = new Set(MUNICIPALITIES.map((municipality) => municipality.code));
  const ringsByCode = new Map<string, Ring[]>();
  for (const [, rawCode, d] of text.matchAll(ENTRY)) {
    const code = normaliseMunicipalityCode(rawCode);
    if (!code || !municipalityCodes.has(code)) continue;
    try {
      ringsByCode.set(code, [...(ringsByCode.get(code) ?? []), ...svgPathRings(d)]);
    } catch (error) {
      throw new GeoSourceError(`react-denmark-map ${file}: outline of ${code}: ${(error as Error).message}`);
    }
  }
  if (ringsByCode.size === 0) throw new GeoSourceError(`react-denmark-map ${file}: no municipality outlines found`);
  return [...ringsByCode].map(([code, rings]) => ({ code, polygons: ringsToPolygons(rings) }));
}

async function readBundle(): Promise<{ file: string; text: string }> {
  try {
    const manifest = createRequire(import.meta.url).resolve('react-denmark-map/package.json');
    const file = join(dirname(manifest), 'dist', 'esm', 'index.js');
    return { file, text: await readFile(file, 'utf8') };
  } catch (error) {
    throw new GeoSourceError(`react-denmark-map: cannot read the package's outlines (${(error as Error).message})`);
  }
}
