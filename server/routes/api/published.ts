/**
 * Published quarters and open data (issue #15). An administrator publishes a final quarter (a
 * snapshot is frozen: db/writes/publications.ts) and can withdraw it. The snapshots are public:
 * readable without login even where reading otherwise needs one, and by other sites' scripts
 * (CORS); nothing that is not published is answered here, drafts and unpublished quarters are 404.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { normaliseQuarterCode } from '../../../db/domain/quarter.ts';
import { notFound } from '../../errors/http-error.ts';
import { sendJson } from '../../http/json-answer.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, QuarterParams } from '../../schemas/common.ts';
import { PublishedEntry, PublishedQuarter } from '../../schemas/outreach.ts';
import { knownQuarter } from './resolve.ts';

const csvAnswer = (description: string) => ({ description, content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } });
const openData = { public: true, etag: true } as const;

/** Open data may be fetched by any site's script; it is the same for everyone and needs no cookie. */
function shareable(reply: FastifyReply): FastifyReply {
  return reply.header('access-control-allow-origin', '*');
}

const published: FastifyPluginAsyncTypebox = async (fastify) => {
  const { publications } = fastify.repository;
  const adminOnly = fastify.requireRole('admin');

  /** The canonical code of a published quarter, or 404 (a draft or an unpublished quarter alike). */
  const publishedCode = (input: string): string => {
    const code = normaliseQuarterCode(input)!;
    if (!publications.isPublished(code)) throw notFound(`quarter: ${code} is not published`);
    return code;
  };

  fastify.get(
    '/published',
    {
      config: openData,
      schema: {
        operationId: 'listPublishedQuarters',
        tags: ['published'],
        summary: 'Every published quarter, oldest first, with its counts per category (open data)',
        response: { 200: Type.Array(PublishedEntry) },
      },
    },
    async (request, reply) => sendJson(request, shareable(reply), publications.listAnswer()),
  );

  fastify.get(
    '/published/counts.csv',
    {
      config: { public: true },
      schema: {
        operationId: 'publishedCountsCsv',
        tags: ['published'],
        summary: 'Counts per category of every published quarter as CSV (UTF-8 with BOM, ";", CRLF)',
        response: { 200: csvAnswer('kvartal;grøn;gul;rød;ikke_vurderet;med_tilbud;0-kvote;offentliggjort') },
      },
    },
    async (_request, reply) =>
      shareable(reply).header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'inline; filename="vv-monitor-offentliggjort.csv"').send(publications.countsCsv()),
  );

  fastify.get(
    '/published/:quarter',
    {
      config: openData,
      schema: {
        operationId: 'getPublishedQuarter',
        tags: ['published'],
        summary: 'A published quarter: category, reason code, zero quota and agreements per municipality, and its counts (open data)',
        params: QuarterParams,
        response: { 200: PublishedQuarter, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => sendJson(request, shareable(reply), publications.answer(publishedCode(request.params.quarter))!),
  );

  fastify.get(
    '/published/:quarter/municipalities.csv',
    {
      config: { public: true },
      schema: {
        operationId: 'getPublishedQuarterCsv',
        tags: ['published'],
        summary: 'A published quarter as CSV: one row per municipality (UTF-8 with BOM, ";", CRLF)',
        params: QuarterParams,
        response: { 200: csvAnswer('kvartal;kommunekode;kommune;regionskode;kategori;kategori_tekst;årsag;0-kvote;aftaler'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const code = publishedCode(request.params.quarter);
      return shareable(reply)
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `inline; filename="vv-monitor-${code}.csv"`)
        .send(publications.csv(code));
    },
  );

  fastify.post(
    '/quarters/:quarter/publish',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'publishQuarter',
        tags: ['published'],
        summary: 'Publish a final quarter: freeze a snapshot anyone may read and embed (publishing again replaces it)',
        params: QuarterParams,
        response: { 200: PublishedEntry, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const frozen = publications.publish(knownQuarter(fastify, request, request.params.quarter), actorOf(request), fastify.outreach.now());
      return publications.list().find((entry) => entry.quarter === frozen.quarter)!;
    },
  );

  fastify.post(
    '/quarters/:quarter/withdraw',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'withdrawQuarter',
        tags: ['published'],
        summary: 'Withdraw a published quarter: its snapshot, open data and embeds are no longer answered',
        params: QuarterParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      publications.withdraw(knownQuarter(fastify, request, request.params.quarter), actorOf(request), fastify.outreach.now());
      return reply.status(204).send(null);
    },
  );
};

export default published;
