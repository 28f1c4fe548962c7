import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { QuarterCode, QuarterParams } from '../../schemas/common.ts';
import { MunicipalityStatus, Quarter, Summary } from '../../schemas/quarter.ts';
import { notFound } from '../../errors.ts';
import { knownQuarter } from './resolve.ts';

const errors = { 400: { $ref: 'ErrorResponse#' }, 404: { $ref: 'ErrorResponse#' } };

const quarters: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/quarters',
    {
      schema: {
        tags: ['quarters'],
        summary: 'Every quarter with its state and the number of municipalities per category',
        response: { 200: Type.Array(Quarter) },
      },
    },
    async () => fastify.repository.quarters(),
  );

  fastify.get(
    '/quarters/:quarter/statuses',
    {
      schema: {
        tags: ['quarters'],
        summary: 'All 98 municipalities in one quarter: category (null when not assessed), reason, note, agreements, zero quota',
        params: QuarterParams,
        response: { 200: Type.Array(MunicipalityStatus), ...errors },
      },
    },
    async (request) => fastify.repository.statuses(knownQuarter(fastify, request.params.quarter)),
  );

  fastify.get(
    '/summary',
    {
      schema: {
        tags: ['quarters'],
        summary: 'Key figures for a quarter (default: the newest final quarter)',
        querystring: Type.Object({ quarter: Type.Optional(QuarterCode) }),
        response: { 200: Summary, ...errors },
      },
    },
    async (request) => {
      const requested = request.query.quarter;
      const quarter = requested === undefined ? fastify.repository.defaultQuarter() : knownQuarter(fastify, requested);
      if (!quarter) throw notFound('quarter: the database holds no quarters yet');
      return fastify.repository.summary(quarter);
    },
  );
};

export default quarters;
