/**
 * Rebuilds the dashboard's municipality map, geo/default/municipalities.topo.json, the file the
 * project commits and serves. Nothing else rebuilds it: `npm start`, `npm run build` and
 * `npm test` use it as it is.
 *
 *   npm run build:geo -- --source <file|url> [--label <credit>] [--out <file>]
 *
 * The source is DAGI's municipalities in WGS84: a TopoJSON/GeoJSON with KOMKODE (and KOMNAVN),
 * or Dataforsyningen's GeoJSON with kode (and navn). It is credited as DAGI unless --label
 * names another source.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { precompress } from '../server/http/precompressed.ts';
import { buildMunicipalityMap, GeoSourceError, MUNICIPALITY_MAP_FILE, writeMunicipalityMap } from '../geo/index.ts';

try {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, label: { type: 'string' }, out: { type: 'string' } },
  });
  const file = values.out ? resolve(values.out) : MUNICIPALITY_MAP_FILE;
  const started = performance.now();
  const { topology, stats } = await buildMunicipalityMap({ source: values.source ?? '', label: values.label });
  const bytes = await writeMunicipalityMap(topology, file);
  precompress(file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const shown = relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
  console.log(`${shown}: ${stats.municipalities} municipalities, ${bytes} bytes, ${seconds} s. Credit: ${stats.sourceLabel}`);
} catch (error) {
  // Bad flags and bad sources are the user's to fix: the message is enough.
  const expected = error instanceof GeoSourceError || String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  console.error(expected ? `build-geo: ${(error as Error).message}` : error);
  process.exitCode = 1;
}
