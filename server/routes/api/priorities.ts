/** The priority list: which municipalities most need a consultant's support this quarter. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../../errors/http-error.ts';
import { audienceOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../schemas/common.ts';
import { PriorityQuery, PriorityRow } from '../../schemas/consultants.ts';
import { chosenQuarter } from './resolve.ts';

const priorities: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/priorities',
    {
      schema: {
        operationId: 'listPriorities',
        tags: ['consultants'],
        summary: 'Municipalities ranked by need for support in a quarter (default: the newest), each with its reasons',
        querystring: PriorityQuery,
        response: { 200: Type.Array(PriorityRow), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { area } = request.query;
      const quarter = chosenQuarter(fastify, request, request.query.quarter);
      if (area !== undefined && !fastify.repository.areas.find(area)) throw notFound(`area: ${area} does not exist`);
      return fastify.repository.priorities.list(quarter, audienceOf(request), area);
    },
  );
};

export default priorities;
