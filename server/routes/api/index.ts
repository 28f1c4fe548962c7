import type { FastifyPluginAsync } from 'fastify';
import auth from './auth.ts';
import consultants from './consultants.ts';
import entry from './entry.ts';
import health from './health.ts';
import meta from './meta.ts';
import municipalities from './municipalities.ts';
import quarters from './quarters.ts';
import records from './records.ts';
import transfer from './transfer.ts';
import users from './users.ts';

const api: FastifyPluginAsync = async (fastify) => {
  // The browser may keep an answer but must ask whether it is still current (an ETag makes that a
  // 304). What a logged-in person sees depends on their role, so no shared cache may keep it.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('cache-control', request.session ? 'private, no-cache' : 'no-cache');
    done(null, payload);
  });
  await fastify.register(health);
  await fastify.register(meta);
  await fastify.register(municipalities);
  await fastify.register(quarters);
  await fastify.register(entry);
  await fastify.register(records);
  await fastify.register(consultants);
  await fastify.register(transfer);
  await fastify.register(auth);
  await fastify.register(users);
  // Unknown API paths answer JSON, never the dashboard's HTML.
  fastify.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No API route ${request.method} ${request.url}` }),
  );
};

export default api;
