/**
 * "Glemt adgangskode" and invitations: single-use links that set a password, sent by mail
 * (server/plugins/outreach.ts). Asking for a link answers the same whether or not the address has
 * an account, and the work is done after the answer, so neither the answer nor its timing tells.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { normaliseEmail } from '../../../db/domain/email.ts';
import { BAD_LINK } from '../../../db/domain/mail.ts';
import { checkPasswordStrength, hashPassword } from '../../access/passwords.ts';
import { HttpError } from '../../errors/http-error.ts';
import { setSessionCookie } from '../../plugins/auth.ts';
import { SessionInfo } from '../../schemas/auth.ts';
import { errorResponses } from '../../schemas/common.ts';
import { Accepted, ForgotBody, TokenBody, TokenInfo, TokenPasswordBody } from '../../schemas/outreach.ts';

/** At most this many reset links per account and hour: the form cannot be used to flood a mailbox. */
const RESETS_PER_HOUR = 3;
const NO_MAIL = 'this VV Monitor sends no e-mail; ask an administrator to set a new password';

const passwordLinks: FastifyPluginAsyncTypebox = async (fastify) => {
  const { users, accountTokens, sessions } = fastify.repository;
  const { outreach } = fastify;

  fastify.post(
    '/auth/forgot',
    {
      config: { public: true, csrfExempt: true },
      schema: {
        operationId: 'forgotPassword',
        tags: ['accounts'],
        summary: 'Ask for a link that sets a new password; answered alike whether or not the address has an account',
        body: ForgotBody,
        response: { 202: Accepted, ...errorResponses(400, 403, 409) },
      },
    },
    async (request, reply) => {
      if (!outreach.mail) throw new HttpError(409, NO_MAIL);
      const email = normaliseEmail(request.body.email);
      setImmediate(() => {
        try {
          const user = users.findByEmail(email);
          if (!user || user.disabled) return;
          const now = outreach.now();
          if (accountTokens.issuedSince(user.id, 'reset', new Date(now.getTime() - 3_600_000)) >= RESETS_PER_HOUR) {
            request.log.info({ userId: user.id }, 'reset link not sent: three in the last hour');
            return;
          }
          outreach.sendLink(user.id, 'reset');
          request.log.info({ userId: user.id }, 'reset link queued');
        } catch (error) {
          request.log.error({ err: error }, 'reset link could not be queued');
        }
      });
      return reply.status(202).send({ message: 'if the address has an account, a link to choose a new password is on its way' });
    },
  );

  fastify.post(
    '/auth/token',
    {
      config: { public: true, csrfExempt: true },
      schema: {
        operationId: 'readPasswordLink',
        tags: ['accounts'],
        summary: 'Whom a link that sets a password is for, and until when it works (the link is not spent)',
        body: TokenBody,
        response: { 200: TokenInfo, ...errorResponses(400, 403) },
      },
    },
    async (request) => {
      const holder = accountTokens.find(request.body.token, outreach.now());
      if (!holder) throw new HttpError(400, BAD_LINK);
      return { purpose: holder.purpose, email: holder.user.email, name: holder.user.name, expiresAt: holder.expiresAt };
    },
  );

  fastify.post(
    '/auth/token/password',
    {
      config: { public: true, csrfExempt: true },
      schema: {
        operationId: 'setPasswordWithLink',
        tags: ['accounts'],
        summary: 'Choose a password with a link (spends it, ends the account’s other sessions and links) and log in',
        body: TokenPasswordBody,
        response: { 200: SessionInfo, ...errorResponses(400, 403) },
      },
    },
    async (request, reply) => {
      checkPasswordStrength(request.body.password);
      // Checked before the slow hash, so a dead link answers at once; checked again in the write.
      if (!accountTokens.find(request.body.token, outreach.now())) throw new HttpError(400, BAD_LINK);
      const user = accountTokens.setPassword(request.body.token, await hashPassword(request.body.password), outreach.now());
      if (request.session) sessions.delete(request.session.tokenHash);
      const { token, csrfToken, expiresAt } = sessions.create(user.id);
      setSessionCookie(request, reply, token, expiresAt);
      request.log.info({ userId: user.id }, 'password set with a link; logged in');
      return { user, csrfToken, anonymousRead: fastify.anonymousRead(), firstAccountNeeded: false, mail: outreach.mail };
    },
  );
};

export default passwordLinks;
