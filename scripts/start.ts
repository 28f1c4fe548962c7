/**
 * `npm start`: check the settings and the committed map, rebuild the dashboard when it is missing
 * or older than its sources, then serve.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { DatabaseOpenError } from '../db/client.ts';
import { GeoSourceError, MUNICIPALITY_MAP_FILE } from '../geo/index.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { startServer, startupMessage } from '../server/server.ts';
import { buildWebIfNeeded } from './build.ts';

try {
  const config = loadConfig();
  if (!existsSync(MUNICIPALITY_MAP_FILE)) {
    const file = relative(process.cwd(), MUNICIPALITY_MAP_FILE);
    throw new GeoSourceError(`the map ${file} is missing: restore it with git checkout -- ${file}, or rebuild it with npm run build:geo -- --source <file|url>`);
  }
  await buildWebIfNeeded();
  const app = await startServer(config);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`\n${startupMessage(app, `http://${shownHost}:${config.port}/`)}\n`);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DatabaseOpenError || error instanceof GeoSourceError) {
    console.error(`VV Monitor cannot start: ${error.message}`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`VV Monitor cannot start: port ${process.env.PORT ?? 3000} is already in use; set PORT to another port`);
    process.exit(1);
  }
  throw error;
}
