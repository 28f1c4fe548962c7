/**
 * Static files served from memory: read once at start-up, gzipped once (level 9) when that makes
 * them smaller, each with an ETag. A request then costs a header lookup and a write: no file
 * system access, no compression, no stream (bench/http.ts measures the front page this way).
 * A rebuild of the dashboard is served after a restart, which `npm start` does after building.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { gzipSync, constants as zlib } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface StaticFile {
  body: Buffer;
  /** The body gzipped, or null when that would not make it smaller (images, fonts). */
  gzip: Buffer | null;
  etag: string;
  type: string;
  cacheControl: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest', '.ico']);

/** Every file under `root` by its URL path under `prefix` ("/assets/app-abc123.js"). */
export function loadStaticFiles(root: string, prefix: string, cacheControl: (path: string) => string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const relative of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const path = join(root, relative);
    if (!statSync(path).isFile()) continue;
    const urlPath = `${prefix}${relative.split(sep).join('/')}`;
    const body = readFileSync(path);
    const extension = extname(path).toLowerCase();
    const gzip = COMPRESSIBLE.has(extension) ? gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }) : null;
    files.set(urlPath, {
      body,
      gzip: gzip && gzip.length < body.length ? gzip : null,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      type: TYPES[extension] ?? 'application/octet-stream',
      cacheControl: cacheControl(urlPath),
    });
  }
  return files;
}

export function sendStatic(request: FastifyRequest, reply: FastifyReply, file: StaticFile) {
  reply.header('etag', file.etag).header('cache-control', file.cacheControl).type(file.type);
  if (file.gzip) reply.header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  if (file.gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.body);
}
