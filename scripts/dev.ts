/**
 * `npm run dev`: the API on PORT (3000) and Vite's dev server with hot reload on 5173, which
 * forwards /api, /geo and /docs to the API.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { loadConfig } from '../server/config.ts';
import { startServer } from '../server/server.ts';
import { buildGeometry, geometryIsCurrent } from './build.ts';

const config = loadConfig();
if (!geometryIsCurrent(config.geoSource)) await buildGeometry(config.geoSource);
await startServer(config);
process.env.API_PORT = String(config.port);
const vite = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)) });
await vite.listen(5173);
vite.printUrls();
