import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountDelay, clearLoginFailures, failedLogins } from '../../../db/writes/login-failures.ts';
import { pseudonymiseUser } from '../../../db/writes/pseudonymise.ts';
import { createUser, findUser, listUsers, setPasswordHash, updateUser } from '../../../db/writes/users.ts';
import { notFound } from '../../errors/http-error.ts';
import { checkPasswordStrength, hashPassword } from '../../access/passwords.ts';
import { actorOf } from '../../plugins/auth.ts';
import { NewUser, PasswordReset, User, UserIdParams, UserPatch, UserWithLogins } from '../../schemas/auth.ts';

const errors = {
  400: { $ref: 'ErrorResponse#' },
  401: { $ref: 'ErrorResponse#' },
  403: { $ref: 'ErrorResponse#' },
  404: { $ref: 'ErrorResponse#' },
};

/** Account administration: the national project group creates, re-roles and disables users. */
const users: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = fastify.database.db;
  const adminOnly = fastify.requireRole('admin');

  fastify.get(
    '/users',
    { onRequest: adminOnly, schema: { tags: ['accounts'], summary: 'Every account', response: { 200: Type.Array(UserWithLogins), ...errors } } },
    async () => {
      const failures = failedLogins(db);
      return listUsers(db).map((user) => {
        const delayedUntil = accountDelay(db, user.email);
        return { ...user, failedLogins: failures.get(user.email) ?? 0, loginDelayedUntil: delayedUntil };
      });
    },
  );

  fastify.post(
    '/users',
    {
      onRequest: adminOnly,
      schema: { tags: ['accounts'], summary: 'Create an account', body: NewUser, response: { 201: User, ...errors } },
    },
    async (request, reply) => {
      checkPasswordStrength(request.body.password);
      const { password, ...rest } = request.body;
      const user = createUser(db, { ...rest, passwordHash: await hashPassword(password) }, actorOf(request));
      return reply.status(201).send(user);
    },
  );

  fastify.patch(
    '/users/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['accounts'],
        summary: 'Rename, re-role, disable or enable an account',
        params: UserIdParams,
        body: UserPatch,
        response: { 200: User, ...errors },
      },
    },
    async (request) => updateUser(db, request.params.id, request.body, actorOf(request)),
  );

  fastify.post(
    '/users/:id/pseudonymise',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['accounts'],
        summary: 'Replace a departed person’s name and e-mail address everywhere, the audit log included; disables the account for good',
        params: UserIdParams,
        response: { 200: User, ...errors },
      },
    },
    async (request) => pseudonymiseUser(db, request.params.id, actorOf(request)),
  );

  fastify.delete(
    '/users/:id/login-failures',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['accounts'],
        summary: 'Clear the failed logins of an account, ending its login delay',
        params: UserIdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const user = findUser(db, request.params.id);
      if (!user) throw notFound(`id: user ${request.params.id} does not exist`);
      clearLoginFailures(db, user.email);
      request.log.info({ userId: user.id }, 'login delay cleared');
      return reply.status(204).send(null);
    },
  );

  fastify.post(
    '/users/:id/password',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password for an account (ends its sessions)',
        params: UserIdParams,
        body: PasswordReset,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      checkPasswordStrength(request.body.password);
      setPasswordHash(db, request.params.id, await hashPassword(request.body.password), actorOf(request), null);
      return reply.status(204).send(null);
    },
  );
};

export default users;
