import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createUser, listUsers, setPasswordHash, updateUser } from '../../../db/writes/users.ts';
import { checkPasswordStrength, hashPassword } from '../../passwords.ts';
import { actorOf } from '../../plugins/auth.ts';
import { NewUser, PasswordReset, User, UserIdParams, UserPatch } from '../../schemas/auth.ts';

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
    { onRequest: adminOnly, schema: { tags: ['accounts'], summary: 'Every account', response: { 200: Type.Array(User), ...errors } } },
    async () => listUsers(db),
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
