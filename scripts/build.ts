/**
 * The build step `npm start` runs when the dashboard is missing or older than its sources.
 * `npm run build:web` is plain `vite build`; the map is committed and never built here.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webBuildState } from './web-build.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Builds dist/web unless it is current; says why when it builds. */
export async function buildWebIfNeeded(root = PROJECT_ROOT): Promise<void> {
  const state = webBuildState(root);
  if (state === 'current') return;
  console.log(
    state === 'missing'
      ? 'Building the dashboard (vite build) …'
      : 'The dashboard was built from older sources (after an update?): rebuilding it (vite build) …',
  );
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log('Dashboard built into dist/web');
}
