import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { normaliseEmail } from '../../../db/domain/email.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../access/passwords.ts';
import { HttpError } from '../../errors/http-error.ts';
import { actorOf, SESSION_COOKIE, setSessionCookie } from '../../plugins/auth.ts';
import { Credentials, PasswordChange, SessionInfo, User } from '../../schemas/auth.ts';
import { MyAccountPatch } from '../../schemas/outreach.ts';
import { errorResponses } from '../../schemas/common.ts';

const errors = errorResponses(400, 401, 403);

/** "5 minutes", "1 minute", "40 seconds": the wait a refused login is told. */
function duration(seconds: number): string {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

const auth: FastifyPluginAsyncTypebox = async (fastify) => {
  const { users, sessions, loginFailures } = fastify.repository;

  fastify.get(
    '/auth/session',
    {
      config: { public: true },
      schema: { operationId: 'getSession', tags: ['accounts'], summary: 'Who is logged in (user null when nobody)', response: { 200: SessionInfo } },
    },
    async (request) => sessionInfo(request),
  );

  function sessionInfo(request: FastifyRequest): SessionInfo {
    return {
      user: request.session?.user ?? null,
      csrfToken: request.session?.csrfToken ?? null,
      anonymousRead: fastify.anonymousRead(),
      firstAccountNeeded: users.count() === 0,
      mail: fastify.outreach.mail,
    };
  }

  fastify.post(
    '/auth/login',
    {
      config: { public: true, csrfExempt: true },
      schema: {
        operationId: 'logIn',
        tags: ['accounts'],
        summary: 'Log in with e-mail and password; sets the session cookie',
        body: Credentials,
        response: { 200: SessionInfo, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      const refusal = loginFailures.refusal(request.ip, email);
      if (refusal) {
        request.log.info({ limit: refusal.limit }, 'login delayed');
        reply.header('retry-after', String(refusal.retryAfterSeconds));
        throw new HttpError(429, `too many attempts; try again in ${duration(refusal.retryAfterSeconds)}`);
      }
      const account = users.credentials(email);
      const valid = await verifyPassword(account?.passwordHash, request.body.password);
      if (!account || !valid || account.user.disabled) {
        loginFailures.record(request.ip, email);
        request.log.info({ userId: account?.user.id ?? null }, 'login refused');
        throw new HttpError(401, 'wrong e-mail or password, or the account is disabled');
      }
      const { user } = account;
      loginFailures.clear(email);
      if (request.session) sessions.delete(request.session.tokenHash);
      const { token, csrfToken, expiresAt } = sessions.create(user.id);
      setSessionCookie(request, reply, token, expiresAt);
      request.log.info({ userId: user.id }, 'logged in');
      return { user, csrfToken, anonymousRead: fastify.anonymousRead(), firstAccountNeeded: false, mail: fastify.outreach.mail };
    },
  );

  fastify.post(
    '/auth/logout',
    { schema: { operationId: 'logOut', tags: ['accounts'], summary: 'End the session', response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      if (request.session) sessions.delete(request.session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  fastify.post(
    '/auth/password',
    {
      onRequest: fastify.requireRole('admin', 'consultant', 'viewer'),
      schema: {
        operationId: 'changePassword',
        tags: ['accounts'],
        summary: 'Change your own password (ends your other sessions)',
        body: PasswordChange,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const session = request.session!;
      if (!(await verifyPassword(users.passwordHash(session.user.id), request.body.currentPassword))) {
        throw new HttpError(400, 'currentPassword: is not your current password');
      }
      checkPasswordStrength(request.body.newPassword, 'newPassword');
      users.setPasswordHash(session.user.id, await hashPassword(request.body.newPassword), actorOf(request), session.tokenHash);
      return reply.status(204).send(null);
    },
  );

  fastify.patch(
    '/auth/me',
    {
      onRequest: fastify.requireRole('admin', 'consultant', 'viewer'),
      schema: {
        operationId: 'updateMyAccount',
        tags: ['accounts'],
        summary: 'Your own settings ("Min konto"): reminders on or off',
        body: MyAccountPatch,
        response: { 200: User, ...errors },
      },
    },
    async (request) => users.setReminders(request.session!.user.id, request.body.reminders, actorOf(request)),
  );
};

export default auth;
