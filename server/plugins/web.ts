/**
 * Serves the built dashboard (dist/web) and the map geometry (geo/default, committed) from memory
 * (http/static-files.ts). Hashed assets are cached for a year; index.html and the geometry are
 * revalidated, so a browser picks up a rebuild or a `git pull` (after the restart) at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { loadStaticFiles, sendStatic, type StaticFile } from '../http/static-files.ts';

export interface WebOptions {
  webRoot: string | null;
  geoRoot: string | null;
}

const NOT_BUILT = `<!doctype html><html lang="da"><meta charset="utf-8"><title>VV Monitor</title>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
<h1>VV Monitor</h1><p>Dashboardet er ikke bygget endnu. Kør <code>npm run build</code> (eller <code>npm start</code>, der bygger det, der mangler).</p>
<p lang="en">The dashboard has not been built yet. Run <code>npm run build</code>.</p></body></html>`;

/** Vite names the files under assets/ by their content: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function serve(fastify: FastifyInstance, files: Map<string, StaticFile>): void {
  for (const [path, file] of files) fastify.get(path, (request, reply) => sendStatic(request, reply, file));
}

const web: FastifyPluginAsync<WebOptions> = async (fastify, { webRoot, geoRoot }) => {
  if (geoRoot && existsSync(geoRoot)) serve(fastify, loadStaticFiles(geoRoot, '/geo/', () => 'public, max-age=0'));

  const built = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  const files = built ? loadStaticFiles(webRoot, '/', (path) => (path.startsWith('/assets/') ? IMMUTABLE : 'no-cache')) : new Map<string, StaticFile>();
  const index = files.get('/index.html');
  serve(fastify, files);
  if (index) fastify.get('/', (request, reply) => sendStatic(request, reply, index));

  // The dashboard keeps its state in the query string, so any other page path gets the app too.
  fastify.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) {
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `Nothing at ${request.url}` });
    }
    if (!index) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return sendStatic(request, reply, index);
  });
};

export default web;
