/** The API, one file per resource. Each route reaches the database through fastify.repository. */
import type { FastifyPluginAsync } from 'fastify';
import { documentRoute } from '../../http/openapi.ts';
import activities from './activities.ts';
import agreements from './agreements.ts';
import areas from './areas.ts';
import audit from './audit.ts';
import auth from './auth.ts';
import fileExports from './exports.ts';
import health from './health.ts';
import imports from './imports.ts';
import meta from './meta.ts';
import municipalities from './municipalities.ts';
import passwordLinks from './password-links.ts';
import priorities from './priorities.ts';
import progress from './progress.ts';
import published from './published.ts';
import quarters from './quarters.ts';
import quotas from './quotas.ts';
import recruitment from './recruitment.ts';
import statuses from './statuses.ts';
import users from './users.ts';

const api: FastifyPluginAsync = async (fastify) => {
  fastify.addHook('onRoute', documentRoute);
  // The browser may keep an answer but must ask whether it is still current (an ETag makes that a
  // 304). What a logged-in person sees depends on their role, so no shared cache may keep it.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('cache-control', request.session ? 'private, no-cache' : 'no-cache');
    done(null, payload);
  });
  for (const routes of [
    health,
    meta,
    municipalities,
    quarters,
    statuses,
    agreements,
    quotas,
    audit,
    areas,
    priorities,
    activities,
    recruitment,
    imports,
    fileExports,
    auth,
    users,
    progress,
    published,
    passwordLinks,
  ]) {
    await fastify.register(routes);
  }
  // Unknown API paths answer JSON, never the dashboard's HTML.
  fastify.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No API route ${request.method} ${request.url}` }),
  );
};

export default api;
