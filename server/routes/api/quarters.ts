import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { QuarterCode, QuarterParams } from '../../schemas/common.ts';
import { MunicipalityStatus, Quarter, QuarterTrend, StatusMatrix, Summary } from '../../schemas/quarter.ts';
import { HttpError } from '../../errors/http-error.ts';
import { audienceOf } from '../../plugins/auth.ts';
import { sendJson } from '../../http/json-answer.ts';
import { chosenQuarter, knownQuarter } from './resolve.ts';

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
    async (request, reply) => sendJson(request, reply, fastify.repository.json.quarters(audienceOf(request))),
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
    async (request, reply) => sendJson(request, reply, fastify.repository.json.statuses(knownQuarter(fastify, request, request.params.quarter), audienceOf(request))),
  );

  fastify.get(
    '/statuses',
    {
      schema: {
        tags: ['quarters'],
        summary: 'Every municipality’s category in every quarter of a range, with each change and its reason',
        querystring: Type.Object({ from: Type.Optional(QuarterCode), to: Type.Optional(QuarterCode) }, { additionalProperties: false }),
        response: { 200: StatusMatrix, ...errors },
      },
    },
    async (request, reply) => {
      const from = request.query.from === undefined ? undefined : knownQuarter(fastify, request, request.query.from, 'from');
      const to = request.query.to === undefined ? undefined : knownQuarter(fastify, request, request.query.to, 'to');
      if (from && to && from > to) throw new HttpError(400, `from: ${from} comes after to (${to})`);
      return sendJson(request, reply, fastify.repository.json.matrix({ from, to }, audienceOf(request)));
    },
  );

  fastify.get(
    '/trends',
    {
      schema: {
        tags: ['quarters'],
        summary: 'Key figures of every quarter: categories, agreements, offer, zero quota, downgrades by reason',
        response: { 200: Type.Array(QuarterTrend) },
      },
    },
    async (request, reply) => sendJson(request, reply, fastify.repository.json.trends(audienceOf(request))),
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
    async (request, reply) =>
      sendJson(request, reply, fastify.repository.json.summary(chosenQuarter(fastify, request, request.query.quarter), audienceOf(request))),
  );
};

export default quarters;
