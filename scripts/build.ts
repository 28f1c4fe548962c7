/**
 * The build steps `npm start` runs when their output is missing or stale, shared with
 * `npm run build:geo`. `npm run build:web` is plain `vite build`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMunicipalityMap, writeMunicipalityMap } from '../geo/index.ts';
import { DEFAULT_GEO_ROOT } from '../server/app.ts';

export const GEOMETRY_FILE = join(DEFAULT_GEO_ROOT, 'municipalities.topo.json');
/** Records which GEO_SOURCE the map was built from, so changing GEO_SOURCE rebuilds it. */
const SOURCE_STAMP = join(DEFAULT_GEO_ROOT, 'source.json');
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function geometryIsCurrent(source: string | undefined): boolean {
  if (!existsSync(GEOMETRY_FILE)) return false;
  try {
    return JSON.parse(readFileSync(SOURCE_STAMP, 'utf8')).requested === (source ?? null);
  } catch {
    // Built without a stamp (an older build): current unless a specific source is asked for.
    return source === undefined;
  }
}

export async function buildGeometry(source: string | undefined, file = GEOMETRY_FILE): Promise<void> {
  console.log('Building the map of the 98 municipalities …');
  const started = performance.now();
  const { topology, stats } = await buildMunicipalityMap({ source });
  const bytes = await writeMunicipalityMap(topology, file);
  if (file === GEOMETRY_FILE) writeFileSync(SOURCE_STAMP, JSON.stringify({ requested: source ?? null }));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${file}: ${stats.municipalities} municipalities from ${stats.sourceLabel} (${stats.source}), ${bytes} bytes, ${seconds} s`);
}

export async function buildWeb(): Promise<void> {
  console.log('Building the dashboard (vite build) …');
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  console.log('Dashboard built into dist/web');
}
