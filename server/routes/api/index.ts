import type { FastifyPluginAsync } from 'fastify';
import health from './health.ts';
import meta from './meta.ts';
import municipalities from './municipalities.ts';
import quarters from './quarters.ts';

const api: FastifyPluginAsync = async (fastify) => {
  await fastify.register(health);
  await fastify.register(meta);
  await fastify.register(municipalities);
  await fastify.register(quarters);
  // Unknown API paths answer JSON, never the dashboard's HTML.
  fastify.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No API route ${request.method} ${request.url}` }),
  );
};

export default api;
