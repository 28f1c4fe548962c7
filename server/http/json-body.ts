/**
 * JSON request bodies. A body nested 100,000 levels deep made a refusal overflow the stack (a 500);
 * now a body that nests deeper than MAX_JSON_DEPTH is refused before it is parsed, by one pass that
 * cannot overflow, so nothing after it (validation, a refusal's message) ever meets a deep value.
 * Fastify's own parser still parses the rest: it refuses `__proto__` and `constructor.prototype`.
 */
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../errors/http-error.ts';

/** Levels of nesting a JSON body may have; the API's deepest body (rows of a bulk write) has 3. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/** Whether `text` opens more than `max` arrays or objects inside each other (brackets in strings do not count). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (OPENERS.has(c)) {
      if (++depth > max) return true;
    } else if (CLOSERS.has(c)) {
      depth--;
    }
  }
  return false;
}

export function useJsonBodies(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(badRequest(`body: nests deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      return;
    }
    parse(request, text, (error, value) => {
      // Fastify's message for broken JSON names no field; the text of the body is never quoted.
      if ((error as { code?: string } | null)?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') done(badRequest('body: is not valid JSON'), undefined);
      else done(error, value);
    });
  });
}
