/**
 * Who is asking, and may they? Reads the session cookie on every request, guards writes against
 * cross-site forgery, and gives routes `fastify.requireRole(...)`. Reading is open to every role;
 * without a session only when anonymous read is on.
 */
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../db/schema.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { findSession, type ActiveSession } from '../../db/writes/sessions.ts';
import { HttpError } from '../errors.ts';

export const SESSION_COOKIE = 'vv_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: ActiveSession | null;
  }
  interface FastifyInstance {
    /** onRequest hook: 401 without a session, 403 when the user's role is not among `roles`. */
    requireRole(...roles: Role[]): (request: FastifyRequest) => Promise<void>;
    /** Whether a request without a session may read the dashboard. */
    anonymousRead: boolean;
  }
  interface FastifyContextConfig {
    /** Readable without a session, whatever the anonymous-read setting. */
    public?: boolean;
    /** Unsafe method that needs no CSRF token (only login: there is no session yet). */
    csrfExempt?: boolean;
  }
}

export interface AuthOptions {
  anonymousRead: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function actorOf(request: FastifyRequest): Actor {
  const user = request.session!.user;
  return { id: user.id, name: user.name, email: user.email };
}

export default fp<AuthOptions>(
  async (fastify, { anonymousRead }) => {
    await fastify.register(cookie);
    fastify.decorateRequest('session', null);
    fastify.decorate('anonymousRead', anonymousRead);

    fastify.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) request.session = findSession(fastify.database.db, token);
      if (UNSAFE.has(request.method)) checkForgery(request);
    });

    fastify.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
      if (!request.session) throw new HttpError(401, 'log in to do this');
      if (!roles.includes(request.session.user.role)) {
        throw new HttpError(403, `your role (${request.session.user.role}) may not do this; it needs ${roles.join(' or ')}`);
      }
    });

    // Every API read needs a session unless the route is public or anonymous read is on.
    fastify.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
      if (!request.url.startsWith('/api/') || request.method !== 'GET') return;
      if (request.routeOptions.config?.public || request.session || anonymousRead) return;
      throw new HttpError(401, 'log in to see the dashboard');
    });
  },
  { name: 'auth', dependencies: ['database'] },
);

/**
 * A write must come from our own pages: no cross-site fetch metadata, an Origin (when sent) equal
 * to our host, and, once logged in, the session's CSRF token echoed in a header (double submit).
 */
function checkForgery(request: FastifyRequest): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'cross-site requests may not change data');
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new HttpError(403, 'the Origin header is not a URL');
    }
    // Through URL, so "localhost:80" and "localhost" compare equal for http.
    if (host !== new URL(`${request.protocol}://${request.host}`).host) {
      throw new HttpError(403, `requests from ${origin} may not change data here`);
    }
  }
  if (!request.session || request.routeOptions.config?.csrfExempt) return;
  if (request.headers[CSRF_HEADER] !== request.session.csrfToken) {
    throw new HttpError(403, `missing or wrong ${CSRF_HEADER} header; reload the page and try again`);
  }
}
