import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createSession, deleteSession, SESSION_IDLE_MS } from '../../../db/writes/sessions.ts';
import { findUser, findUserByEmail, publicUser, setPasswordHash } from '../../../db/writes/users.ts';
import { HttpError } from '../../errors.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../passwords.ts';
import { actorOf, SESSION_COOKIE } from '../../plugins/auth.ts';
import { Credentials, PasswordChange, SessionInfo } from '../../schemas/auth.ts';

/** At most 10 login attempts per address per 15 minutes: slows down password guessing. */
export const LOGIN_LIMIT = { max: 10, timeWindow: '15 minutes' };

const errors = { 400: { $ref: 'ErrorResponse#' }, 401: { $ref: 'ErrorResponse#' }, 403: { $ref: 'ErrorResponse#' } };

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
  });
}

const auth: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = fastify.database.db;

  fastify.get(
    '/auth/session',
    {
      config: { public: true },
      schema: { tags: ['accounts'], summary: 'Who is logged in (user null when nobody)', response: { 200: SessionInfo } },
    },
    async (request) => ({
      user: request.session?.user ?? null,
      csrfToken: request.session?.csrfToken ?? null,
      anonymousRead: fastify.anonymousRead,
    }),
  );

  fastify.post(
    '/auth/login',
    {
      config: { public: true, csrfExempt: true, rateLimit: LOGIN_LIMIT },
      schema: {
        tags: ['accounts'],
        summary: 'Log in with e-mail and password; sets the session cookie',
        body: Credentials,
        response: { 200: SessionInfo, ...errors, 429: { $ref: 'ErrorResponse#' } },
      },
    },
    async (request, reply) => {
      const user = findUserByEmail(db, request.body.email);
      const valid = await verifyPassword(user?.passwordHash, request.body.password);
      if (!user || !valid || user.disabled) {
        request.log.info({ email: request.body.email }, 'login refused');
        throw new HttpError(401, 'wrong e-mail or password, or the account is disabled');
      }
      if (request.session) deleteSession(db, request.session.tokenHash);
      const { token, csrfToken } = createSession(db, user.id);
      setSessionCookie(request, reply, token);
      request.log.info({ userId: user.id }, 'logged in');
      return { user: publicUser(user), csrfToken, anonymousRead: fastify.anonymousRead };
    },
  );

  fastify.post(
    '/auth/logout',
    { schema: { tags: ['accounts'], summary: 'End the session', response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      if (request.session) deleteSession(db, request.session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  fastify.post(
    '/auth/password',
    {
      onRequest: fastify.requireRole('admin', 'consultant', 'viewer'),
      schema: {
        tags: ['accounts'],
        summary: 'Change your own password (ends your other sessions)',
        body: PasswordChange,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const session = request.session!;
      const user = findUser(db, session.user.id)!;
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new HttpError(400, 'currentPassword: is not your current password');
      }
      checkPasswordStrength(request.body.newPassword, 'newPassword');
      setPasswordHash(db, user.id, await hashPassword(request.body.newPassword), actorOf(request), session.tokenHash);
      return reply.status(204).send(null);
    },
  );
};

export default auth;
