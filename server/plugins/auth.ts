/**
 * Who is asking, and may they? Reads the session cookie on every request, guards writes against
 * cross-site forgery, and decides access from the route the request matched, never from its raw
 * URL: a route is readable with a session (or by anyone while anonymous read holds) unless its
 * config says `public`; routes for certain roles add `fastify.requireRole(...)`.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { audienceOfRole, type Audience } from '../../db/domain/audience.ts';
import type { Role } from '../../db/domain/role.ts';
import type { Actor } from '../../db/writes/actor.ts';
import type { ActiveSession } from '../../db/writes/sessions.ts';
import { HttpError } from '../errors/http-error.ts';

export const SESSION_COOKIE = 'vv_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: ActiveSession | null;
  }
  interface FastifyInstance {
    /** onRequest hook: 401 without a session, 403 when the user's role is not among `roles`. */
    requireRole(...roles: Role[]): (request: FastifyRequest) => Promise<void>;
    /** Whether a request without a session may read the dashboard right now. */
    anonymousRead(): boolean;
  }
  interface FastifyContextConfig {
    /** Answered to anyone, whatever the anonymous-read setting: login, health, pages, the map. */
    public?: boolean;
    /** Unsafe method that needs no CSRF token (only login: there is no session yet). */
    csrfExempt?: boolean;
  }
}

export interface AuthOptions {
  /** `auto`: anonymous read while the database holds only the demo dataset and no accounts. */
  anonymousRead: 'auto' | 'on' | 'off';
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PURGE_EVERY_MS = 60 * 60 * 1000;

export function actorOf(request: FastifyRequest): Actor {
  const user = request.session!.user;
  return { id: user.id, name: user.name, email: user.email };
}

/**
 * What the caller may see of the data (db/domain/audience.ts). The invented demo, before anyone
 * has claimed the database, names no real person: its visitors see it as a viewer would.
 */
export function audienceOf(request: FastifyRequest): Audience {
  if (!request.session && request.server.repository.meta.isUnclaimedDemo()) return 'reader';
  return audienceOfRole(request.session?.user.role);
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000)),
  });
}

/**
 * Marks every route registered in this scope as public. For plugins whose routes we do not declare
 * ourselves (static files, the API documentation).
 */
export function publicRoutes(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    route.config = { ...route.config, public: true };
  });
}

export default fp<AuthOptions>(
  async (fastify, { anonymousRead }) => {
    await fastify.register(cookie);
    fastify.decorateRequest('session', null);
    fastify.decorate('anonymousRead', () => anonymousRead === 'on' || (anonymousRead === 'auto' && fastify.repository.meta.isUnclaimedDemo()));

    fastify.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const found = fastify.repository.sessions.find(token);
        request.session = found?.session ?? null;
        // The browser forgets the cookie when the session would have ended; keep the two in step.
        if (found?.extended) setSessionCookie(request, reply, token, found.expiresAt);
      }
      if (UNSAFE.has(request.method)) checkForgery(request);
      // Decided by the matched route: HEAD, percent-encoded paths and absolute-form targets reach
      // the same route, and with it the same rule. Unmatched requests get a 404 that holds no data.
      if (request.is404 || request.routeOptions.config.public || request.session || fastify.anonymousRead()) return;
      throw new HttpError(401, 'log in to see the dashboard');
    });

    fastify.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
      if (!request.session) throw new HttpError(401, 'log in to do this');
      if (!roles.includes(request.session.user.role)) {
        throw new HttpError(403, `your role (${request.session.user.role}) may not do this; it needs ${roles.join(' or ')}`);
      }
    });

    // Ended sessions and old failed logins are deleted now and then, so neither table only grows.
    const purge = () => {
      try {
        fastify.repository.sessions.purgeExpired();
        fastify.repository.loginFailures.purgeOld();
      } catch (error) {
        fastify.log.error({ err: error }, 'purging ended sessions failed');
      }
    };
    purge();
    const timer = setInterval(purge, PURGE_EVERY_MS).unref();
    fastify.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'auth', dependencies: ['database', 'repository'] },
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
