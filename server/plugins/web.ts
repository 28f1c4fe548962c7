/**
 * Serves the built dashboard (dist/web) and the map geometry (geo/default, committed) with
 * @fastify/static, and the page itself from memory (http/page.ts). All are compressed once when
 * built (http/precompressed.ts), so a request costs a file read at most, never a compression. Hashed assets are cached for a year; index.html and the
 * geometry are revalidated, so a browser picks up a rebuild or a `git pull` (after the restart) at once.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { loadPage, sendPage } from '../http/page.ts';
import { copiesMatch } from '../http/precompressed.ts';

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
const MAP_FILE = 'municipalities.topo.json';

const web: FastifyPluginAsync<WebOptions> = async (fastify, { webRoot, geoRoot }) => {
  if (geoRoot && existsSync(geoRoot)) {
    const map = join(geoRoot, MAP_FILE);
    // A map rebuilt without its compressed copies (or replaced by hand) is sent as it is.
    const fresh = !existsSync(map) || copiesMatch(map);
    if (!fresh) fastify.log.warn(`${map} differs from its .gz/.br copies; run npm run build:geo to remake them`);
    await fastify.register(fastifyStatic, {
      root: resolve(geoRoot),
      prefix: '/geo/',
      decorateReply: false,
      preCompressed: fresh,
      cacheControl: false,
      setHeaders: (reply) => reply.header('cache-control', 'public, max-age=0'),
    });
  }

  const page = webRoot !== null && existsSync(join(webRoot, 'index.html')) ? loadPage(join(webRoot, 'index.html')) : null;
  if (page && webRoot) {
    fastify.get('/', (request, reply) => sendPage(request, reply, page));
    await fastify.register(fastifyStatic, {
      root: resolve(webRoot),
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        const assets = relative(webRoot, path).startsWith(`assets${sep}`);
        reply.header('cache-control', assets ? IMMUTABLE : 'no-cache');
      },
    });
  }

  // The dashboard keeps its state in the query string, so any other page path gets the app too.
  fastify.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) {
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `Nothing at ${request.url}` });
    }
    if (!page) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return sendPage(request, reply, page);
  });
};

export default web;
