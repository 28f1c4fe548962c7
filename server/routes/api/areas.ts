/** Consultant areas: every reader sees them; administrators draw them. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, audienceOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../schemas/common.ts';
import { Area, AreaIdParams, AreaWrite } from '../../schemas/consultants.ts';

const areas: FastifyPluginAsyncTypebox = async (fastify) => {
  const adminOnly = fastify.requireRole('admin');

  fastify.get(
    '/areas',
    { schema: { operationId: 'listAreas', tags: ['consultants'], summary: 'Consultant areas with their municipalities and consultants', response: { 200: Type.Array(Area) } } },
    async (request) => fastify.repository.areas.list(audienceOf(request)),
  );

  fastify.post(
    '/areas',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'createArea',
        tags: ['consultants'],
        summary: 'Create an area (municipalities move from their old area)',
        body: AreaWrite,
        response: { 201: Area, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(fastify.repository.areas.save(null, request.body, actorOf(request))),
  );

  fastify.put(
    '/areas/:id',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'updateArea',
        tags: ['consultants'],
        summary: 'Rename an area, or set its municipalities and consultants',
        params: AreaIdParams,
        body: AreaWrite,
        response: { 200: Area, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => fastify.repository.areas.save(request.params.id, request.body, actorOf(request)),
  );
};

export default areas;
