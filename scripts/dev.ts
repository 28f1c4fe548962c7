/**
 * `npm run dev`: the API on PORT (3000) and Vite's dev server with hot reload on 5173, which
 * forwards /api, /geo and /docs to the API.
 */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { loadConfig } from '../server/config.ts';
import { startServer } from '../server/server.ts';

const config = loadConfig();
await startServer(config);
process.env.API_PORT = String(config.port);
const vite = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)) });
await vite.listen(5173);
vite.printUrls();
