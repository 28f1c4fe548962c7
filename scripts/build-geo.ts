/**
 * Builds the dashboard's municipality map into dist/geo/municipalities.topo.json.
 *
 *   npm run build:geo [-- --source <path|url|react-denmark-map>] [-- --out <file>]
 *
 * Without --source, GEO_SOURCE is used, else ../shared/geo/dagi-kommuner.topojson, else the
 * outlines in the react-denmark-map package.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GeoSourceError } from '../geo/index.ts';
import { buildGeometry, GEOMETRY_FILE } from './build.ts';

try {
  const { values } = parseArgs({ options: { source: { type: 'string' }, out: { type: 'string' } } });
  const source = values.source ?? (process.env.GEO_SOURCE?.trim() || undefined);
  await buildGeometry(source, values.out ? resolve(values.out) : GEOMETRY_FILE);
} catch (error) {
  // Bad flags and bad sources are the user's to fix: the message is enough.
  const expected = error instanceof GeoSourceError || String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  console.error(expected ? `build-geo: ${(error as Error).message}` : error);
  process.exitCode = 1;
}
