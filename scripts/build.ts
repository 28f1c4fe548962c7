/**
 * The two build steps `npm start` runs when their output is missing. `npm run build` runs the same
 * steps through their own scripts (build-geo.ts and vite).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMunicipalityMap, writeMunicipalityMap } from '../geo/index.ts';
import { DEFAULT_GEO_ROOT } from '../server/app.ts';

export const GEOMETRY_FILE = join(DEFAULT_GEO_ROOT, 'municipalities.topo.json');
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function buildGeometry(source: string | undefined): Promise<void> {
  console.log('Bygger kortet over de 98 kommuner …');
  const { topology, stats } = await buildMunicipalityMap({ source });
  const bytes = await writeMunicipalityMap(topology, GEOMETRY_FILE);
  console.log(`  ${stats.municipalities} kommuner fra ${stats.sourceLabel}, ${Math.round(bytes / 1024)} KB`);
}

export async function buildWeb(): Promise<void> {
  console.log('Bygger dashboardet (vite build) …');
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  console.log('  færdigt');
}
