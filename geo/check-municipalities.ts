import { MUNICIPALITIES } from '../db/reference/municipalities.ts';
import { GeoSourceError } from './geo-source-error.ts';
import type { MunicipalityShape } from './types.ts';

/** The map is only useful if every one of the 98 municipalities can be coloured, and nothing else. */
export default function checkMunicipalities(shapes: readonly MunicipalityShape[], name: string): void {
  const found = new Set(shapes.map((shape) => shape.code));
  const known = new Set(MUNICIPALITIES.map((municipality) => municipality.code));
  const missing = [...known].filter((code) => !found.has(code));
  const unknown = [...found].filter((code) => !known.has(code)).sort();
  const empty = shapes.filter((shape) => shape.polygons.length === 0).map((shape) => shape.code);
  const problems = [
    missing.length && `missing municipalities ${missing.join(', ')}`,
    unknown.length && `unknown municipality codes ${unknown.join(', ')}`,
    empty.length && `no outline for ${empty.join(', ')}`,
  ].filter(Boolean);
  if (problems.length) throw new GeoSourceError(`${name}: ${problems.join('; ')}`);
}
