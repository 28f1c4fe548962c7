/**
 * Quarters: the list with counts per category, key figures of one quarter and of all, and a
 * quarter's life. Only administrators open, finalise and reopen quarters.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { normaliseQuarterCode } from '../../../db/domain/quarter.ts';
import { sendJson } from '../../http/json-answer.ts';
import { actorOf, audienceOf } from '../../plugins/auth.ts';
import { errorResponses, QuarterCode, QuarterParams } from '../../schemas/common.ts';
import { OpenedQuarter, OpenQuarterBody, ReopenBody } from '../../schemas/entry.ts';
import { Quarter, QuarterTrend, Summary } from '../../schemas/quarter.ts';
import { chosenQuarter, knownQuarter } from './resolve.ts';

const quarters: FastifyPluginAsyncTypebox = async (fastify) => {
  const adminOnly = fastify.requireRole('admin');

  fastify.get(
    '/quarters',
    {
      config: { etag: true },
      schema: {
        operationId: 'listQuarters',
        tags: ['quarters'],
        summary: 'Every quarter with its state and the number of municipalities per category',
        response: { 200: Type.Array(Quarter) },
      },
    },
    async (request, reply) => sendJson(request, reply, fastify.repository.quarters.list(audienceOf(request))),
  );

  fastify.get(
    '/summary',
    {
      config: { etag: true },
      schema: {
        operationId: 'getSummary',
        tags: ['quarters'],
        summary: 'Key figures for a quarter (default: the newest final quarter)',
        querystring: Type.Object({ quarter: Type.Optional(QuarterCode) }),
        response: { 200: Summary, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, fastify.repository.quarters.summary(chosenQuarter(fastify, request, request.query.quarter), audienceOf(request))),
  );

  fastify.get(
    '/trends',
    {
      config: { etag: true },
      schema: {
        operationId: 'getTrends',
        tags: ['quarters'],
        summary: 'Key figures of every quarter: categories, agreements, offer, zero quota, downgrades by reason',
        response: { 200: Type.Array(QuarterTrend) },
      },
    },
    async (request, reply) => sendJson(request, reply, fastify.repository.quarters.trends(audienceOf(request))),
  );

  fastify.post(
    '/quarters',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'openQuarter',
        tags: ['entry'],
        summary: 'Open the next quarter, with the previous categories as a draft marked "carried over"; in an empty database, the first quarter chosen',
        body: OpenQuarterBody,
        response: { 201: OpenedQuarter, ...errorResponses(400, 401, 403, 404, 409) },
      },
      // "Open the next quarter" needs no body; an empty one means just that.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const requested = request.body.quarter;
      const first = requested === undefined ? undefined : normaliseQuarterCode(requested)!;
      return reply.status(201).send(fastify.repository.quarters.open(actorOf(request), first, request.body.deadline));
    },
  );

  fastify.post(
    '/quarters/:quarter/finalise',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'finaliseQuarter',
        tags: ['entry'],
        summary: 'Finalise a quarter once every municipality is assessed, confirmed, or marked not assessed with a reason',
        params: QuarterParams,
        response: { 200: Quarter, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => fastify.repository.quarters.finalise(knownQuarter(fastify, request, request.params.quarter), actorOf(request)),
  );

  fastify.post(
    '/quarters/:quarter/reopen',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'reopenQuarter',
        tags: ['entry'],
        summary: 'Reopen a final quarter, with a reason',
        params: QuarterParams,
        body: ReopenBody,
        response: { 200: Quarter, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => fastify.repository.quarters.reopen(knownQuarter(fastify, request, request.params.quarter), request.body.reason, actorOf(request)),
  );
};

export default quarters;
