/**
 * Serves the built dashboard (dist/web) and the map geometry (geo/default, committed). Hashed
 * assets are cached for a year; index.html and the geometry are revalidated so a rebuild or a
 * `git pull` shows at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export interface WebOptions {
  webRoot: string | null;
  geoRoot: string | null;
}

const NOT_BUILT = `<!doctype html><html lang="da"><meta charset="utf-8"><title>VV Monitor</title>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
<h1>VV Monitor</h1><p>Dashboardet er ikke bygget endnu. Kør <code>npm run build</code> (eller <code>npm start</code>, der bygger det, der mangler).</p>
<p lang="en">The dashboard has not been built yet. Run <code>npm run build</code>.</p></body></html>`;

const web: FastifyPluginAsync<WebOptions> = async (fastify, { webRoot, geoRoot }) => {
  if (geoRoot && existsSync(geoRoot)) {
    await fastify.register(fastifyStatic, {
      root: geoRoot,
      prefix: '/geo/',
      decorateReply: false,
      cacheControl: true,
      maxAge: 0,
    });
  }

  const built = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (built) {
    await fastify.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  // The dashboard keeps its state in the query string, so any other page path gets the app too.
  fastify.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) {
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `Nothing at ${request.url}` });
    }
    if (!built) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
};

export default web;
