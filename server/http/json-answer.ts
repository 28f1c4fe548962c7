/**
 * Dashboard answers as ready-made JSON with an ETag. The cached read answers (db/queries/cache.ts)
 * are turned into text once per change of the database instead of on every request, and a browser
 * that already holds the answer gets a 304 with no body.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface JsonAnswer {
  body: string;
  etag: string;
  /** The body gzipped, for answers big enough to gain from it (a quarter's 98 statuses: 24 KB → 3 KB). */
  gzip: Buffer | null;
}

const GZIP_FROM_BYTES = 1024;

export function jsonAnswer(value: unknown): JsonAnswer {
  const body = JSON.stringify(value);
  return {
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    gzip: body.length >= GZIP_FROM_BYTES ? gzipSync(body) : null,
  };
}

export function sendJson(request: FastifyRequest, reply: FastifyReply, answer: JsonAnswer) {
  // Cache-Control is set for every API answer (routes/api/index.ts): kept, but revalidated.
  reply.header('etag', answer.etag).type('application/json; charset=utf-8');
  if (request.headers['if-none-match'] === answer.etag) return reply.code(304).send();
  if (answer.gzip) {
    reply.header('vary', 'accept-encoding');
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(answer.gzip);
  }
  return reply.send(answer.body);
}
