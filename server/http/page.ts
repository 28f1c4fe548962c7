/**
 * The dashboard's page (index.html) held in memory. Every visit and every link into the app
 * (`/compare?…`, `/quarters/2018K4`) asks for it, and it must be revalidated each time, so it is
 * the one static file whose cost per request counts: a lookup and a write, no file system access
 * (bench/http.ts measures it as "front page"). The scripts and the map, cached by the browser,
 * come from @fastify/static. Read at start-up: a rebuild is served after the restart `npm start` does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Page {
  body: Buffer;
  etag: string;
  /** The build's compressed copies (http/precompressed.ts), best first; absent ones are left out. */
  encoded: { encoding: 'br' | 'gzip'; body: Buffer }[];
}

export function loadPage(file: string): Page {
  const body = readFileSync(file);
  const copies = [
    { encoding: 'br', file: `${file}.br` },
    { encoding: 'gzip', file: `${file}.gz` },
  ] as const;
  return {
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    encoded: copies.filter((copy) => existsSync(copy.file)).map((copy) => ({ encoding: copy.encoding, body: readFileSync(copy.file) })),
  };
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: Page) {
  reply.header('etag', page.etag).header('cache-control', 'no-cache').type('text/html; charset=utf-8');
  if (page.encoded.length > 0) reply.header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  const accepted = request.headers['accept-encoding'] ?? '';
  const copy = page.encoded.find(({ encoding }) => new RegExp(`\\b${encoding}\\b`).test(accepted));
  return copy ? reply.header('content-encoding', copy.encoding).send(copy.body) : reply.send(page.body);
}
