/**
 * Builds the dashboard's municipality map into dist/geo/municipalities.topo.json.
 *
 *   npm run build:geo [-- --source <path|url|react-denmark-map>] [-- --out <file>]
 *
 * Without --source, GEO_SOURCE is used, else ../shared/geo/dagi-kommuner.topojson, else the
 * outlines in the react-denmark-map package.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildMunicipalityMap, GeoSourceError, MUNICIPALITY_MAP_PATH, writeMunicipalityMap } from '../geo/index.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

try {
  const { values } = parseArgs({ options: { source: { type: 'string' }, out: { type: 'string' } } });
  const out = resolve(values.out ?? resolve(PROJECT_ROOT, MUNICIPALITY_MAP_PATH));
  const started = performance.now();
  const { topology, stats } = await buildMunicipalityMap({ source: values.source });
  const bytes = await writeMunicipalityMap(topology, out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${out}: ${stats.municipalities} municipalities from ${stats.sourceLabel} (${stats.source}), ${bytes} bytes, ${seconds} s`);
} catch (error) {
  // Bad flags and bad sources are the user's to fix: the message is enough.
  const expected = error instanceof GeoSourceError || String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  console.error(expected ? `build-geo: ${(error as Error).message}` : error);
  process.exitCode = 1;
}
