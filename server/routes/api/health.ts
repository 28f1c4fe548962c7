import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const health: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/health',
    {
      config: { public: true },
      schema: {
        operationId: 'getHealth',
        tags: ['operations'],
        summary: 'Is the service up and its database readable?',
        response: {
          200: Type.Object({ status: Type.Literal('ok') }),
          503: Type.Object({ status: Type.Literal('error'), message: Type.String() }),
        },
      },
    },
    async (request, reply) => {
      try {
        if (fastify.repository.health.check()) return { status: 'ok' as const };
        return reply.status(503).send({ status: 'error' as const, message: 'the database holds no municipalities' });
      } catch (error) {
        request.log.error({ err: error }, 'health check failed');
        return reply.status(503).send({ status: 'error' as const, message: 'the database cannot be read' });
      }
    },
  );
};

export default health;
