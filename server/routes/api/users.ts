import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { checkPasswordStrength, hashPassword } from '../../access/passwords.ts';
import { badRequest, HttpError, notFound } from '../../errors/http-error.ts';
import { actorOf } from '../../plugins/auth.ts';
import { NewUser, PasswordReset, User, UserIdParams, UserPatch, UserWithLogins } from '../../schemas/auth.ts';
import { errorResponses } from '../../schemas/common.ts';
import { Accepted } from '../../schemas/outreach.ts';

const errors = errorResponses(400, 401, 403, 404);

/** Account administration: the national project group creates, re-roles and disables users. */
const users: FastifyPluginAsyncTypebox = async (fastify) => {
  const adminOnly = fastify.requireRole('admin');

  fastify.get(
    '/users',
    { onRequest: adminOnly, schema: { operationId: 'listUsers', tags: ['accounts'], summary: 'Every account', response: { 200: Type.Array(UserWithLogins), ...errors } } },
    async () => fastify.repository.users.list(),
  );

  fastify.post(
    '/users',
    {
      onRequest: adminOnly,
      schema: { operationId: 'createUser', tags: ['accounts'], summary: 'Create an account', body: NewUser, response: { 201: User, ...errors } },
    },
    async (request, reply) => {
      const { password, ...rest } = request.body;
      if (password === undefined) {
        // No password handed over by hand: the person chooses one through an invitation link.
        if (!fastify.outreach.mail) throw badRequest('password: is required; this VV Monitor sends no e-mail, so no invitation can be sent');
        const user = fastify.repository.users.createInvited(rest, actorOf(request));
        fastify.outreach.sendLink(user.id, 'invite');
        return reply.status(201).send(user);
      }
      checkPasswordStrength(password);
      const user = fastify.repository.users.create({ ...rest, passwordHash: await hashPassword(password) }, actorOf(request));
      return reply.status(201).send(user);
    },
  );

  fastify.post(
    '/users/:id/invite',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'inviteUser',
        tags: ['accounts'],
        summary: 'Mail the account a new invitation link to choose its password (earlier invitations stop working)',
        params: UserIdParams,
        response: { 202: Accepted, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = fastify.repository.users.find(request.params.id);
      if (!user) throw notFound(`id: user ${request.params.id} does not exist`);
      if (user.disabled) throw new HttpError(409, `user ${user.id} is disabled; enable the account first`);
      if (!fastify.outreach.mail) throw new HttpError(409, 'this VV Monitor sends no e-mail; set a password for the account instead');
      fastify.outreach.sendLink(user.id, 'invite');
      return reply.status(202).send({ message: 'the invitation is on its way' });
    },
  );

  fastify.patch(
    '/users/:id',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'updateUser',
        tags: ['accounts'],
        summary: 'Rename, re-role, disable or enable an account',
        params: UserIdParams,
        body: UserPatch,
        response: { 200: User, ...errors },
      },
    },
    async (request) => fastify.repository.users.update(request.params.id, request.body, actorOf(request)),
  );

  fastify.post(
    '/users/:id/pseudonymise',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'pseudonymiseUser',
        tags: ['accounts'],
        summary: 'Replace a departed person’s name and e-mail address everywhere, the audit log included; disables the account for good',
        params: UserIdParams,
        response: { 200: User, ...errors },
      },
    },
    async (request) => fastify.repository.users.pseudonymise(request.params.id, actorOf(request)),
  );

  fastify.delete(
    '/users/:id/login-failures',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'clearLoginFailures',
        tags: ['accounts'],
        summary: 'Clear the failed logins of an account, ending its login delay',
        params: UserIdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const user = fastify.repository.users.find(request.params.id);
      if (!user) throw notFound(`id: user ${request.params.id} does not exist`);
      fastify.repository.loginFailures.clear(user.email);
      request.log.info({ userId: user.id }, 'login delay cleared');
      return reply.status(204).send(null);
    },
  );

  fastify.post(
    '/users/:id/password',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'setUserPassword',
        tags: ['accounts'],
        summary: 'Set a new password for an account (ends its sessions)',
        params: UserIdParams,
        body: PasswordReset,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      checkPasswordStrength(request.body.password);
      fastify.repository.users.setPasswordHash(request.params.id, await hashPassword(request.body.password), actorOf(request), null);
      return reply.status(204).send(null);
    },
  );
};

export default users;
