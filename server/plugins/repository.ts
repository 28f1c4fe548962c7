/**
 * Decorates the app with its repository (server/repository), bound to the app's connection:
 * routes and hooks reach the database through `fastify.repository` and nothing else.
 */
import fp from 'fastify-plugin';
import { createRepository, type Repository } from '../repository/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    repository: Repository;
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('repository', createRepository(fastify.database.db));
  },
  { name: 'repository', dependencies: ['database'] },
);
