/** Reception quotas: every reader sees a year's; administrators set them. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../schemas/common.ts';
import { QuotaRow, QuotaWrite, YearParams } from '../../schemas/records.ts';

const quotas: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/quotas/:year',
    {
      schema: {
        operationId: 'getQuotas',
        tags: ['records'],
        summary: 'The 98 municipalities’ reception quota and zero-quota flag for a year',
        params: YearParams,
        response: { 200: Type.Array(QuotaRow), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => fastify.repository.quotas.ofYear(request.params.year),
  );

  fastify.put(
    '/quotas/:year',
    {
      onRequest: fastify.requireRole('admin'),
      schema: {
        operationId: 'saveQuotas',
        tags: ['records'],
        summary: 'Set quotas and zero-quota flags for a year (all rows or none)',
        params: YearParams,
        body: QuotaWrite,
        response: { 200: Type.Array(QuotaRow), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => fastify.repository.quotas.save(request.params.year, request.body.rows, actorOf(request)),
  );
};

export default quotas;
