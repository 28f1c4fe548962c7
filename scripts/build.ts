/**
 * The build step `npm start` runs when the dashboard is missing. `npm run build:web` is plain
 * `vite build`; the map is committed and never built here.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function buildWeb(): Promise<void> {
  console.log('Building the dashboard (vite build) …');
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  console.log('Dashboard built into dist/web');
}
