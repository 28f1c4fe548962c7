/**
 * `npm start`: check the settings, build what is missing (map geometry, front end), then serve.
 */
import { existsSync } from 'node:fs';
import { DatabaseOpenError } from '../db/client.ts';
import { GeoSourceError } from '../geo/index.ts';
import { DEFAULT_WEB_ROOT } from '../server/app.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { startServer, startupMessage } from '../server/server.ts';
import { buildGeometry, buildWeb, geometryIsCurrent } from './build.ts';

try {
  const config = loadConfig();
  if (!geometryIsCurrent(config.geoSource)) await buildGeometry(config.geoSource);
  if (!existsSync(`${DEFAULT_WEB_ROOT}/index.html`)) await buildWeb();
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
