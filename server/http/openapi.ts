/**
 * The OpenAPI document as a contract. Every API route states what it does (schema, operationId);
 * what follows from the app's shared rules is added here once, from the route's own config, so it
 * cannot drift from what the code does:
 * - security: public routes need nothing; reads need the session cookie (unless the installation
 *   allows anonymous reading); writes need the cookie and the CSRF header;
 * - the answers every such route can give: 401 without a session, 413 and 415 for a JSON body that
 *   is too large or not JSON, 304 for a revalidated answer (`config.etag`);
 * - a description for every answer, so generated clients and /docs never say "Default Response".
 */
import type { RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer carries an ETag and is a 304 without a body when If-None-Match holds it. */
    etag?: boolean;
  }
}

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'vv_session',
    description: 'The session cookie set by POST /api/auth/login (httpOnly; 8 hours idle, 7 days at most).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description: 'The csrfToken answered by POST /api/auth/login and GET /api/auth/session; every write sends it back.',
  },
} as const;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ERROR = { $ref: 'ErrorResponse#' };

const DESCRIPTIONS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  204: 'Done; no content',
  304: 'Not modified: the ETag sent in If-None-Match is still current (no body)',
  400: 'Bad request: the message names the field and the reason (`field` holds its name); nothing was changed',
  401: 'Not logged in: this needs a session (the vv_session cookie)',
  403: 'Forbidden: the role or the area does not allow it, or the CSRF token is missing or wrong',
  404: 'Not found: a well-formed code or id that does not exist (or a draft quarter for a reader who may not see drafts)',
  409: 'Conflict: someone else changed the data, the quarter is final, or it cannot be finalised yet; nothing was changed',
  413: 'Payload too large',
  415: 'Unsupported media type: send application/json',
  429: 'Too many attempts: wait as long as Retry-After says',
  503: 'Unavailable: the database cannot be read',
};

type ResponseSchema = Record<string, unknown>;

/** An onRoute hook for the API's scope; it completes the route's schema in place. */
export function documentRoute(route: RouteOptions): void {
  const schema = (route.schema ??= {}) as Record<string, unknown> & { response?: Record<string, ResponseSchema> };
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  // HEAD routes are made by Fastify from the GET ones and are not documented apart.
  if (methods.includes('HEAD')) return;
  const writes = methods.some((method) => UNSAFE.has(method));
  const open = route.config?.public === true;
  const response = (schema.response ??= {});

  schema.security = open ? [] : writes ? [{ session: [], csrf: [] }] : [{ session: [] }];
  if (!open) response[401] ??= ERROR;
  if (writes && schema.body !== undefined && !isMultipart(schema.body)) {
    response[413] ??= ERROR;
    response[415] ??= ERROR;
  }
  if (route.config?.etag) response[304] ??= { type: 'null', description: DESCRIPTIONS[304] };
  for (const [code, answer] of Object.entries(response)) {
    if (typeof answer === 'object' && answer !== null && !('description' in answer)) {
      response[code] = '$ref' in answer ? { description: DESCRIPTIONS[code] ?? 'Error', ...answer } : { ...answer, description: DESCRIPTIONS[code] ?? 'OK' };
    }
  }
}

function isMultipart(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'content' in body;
}
