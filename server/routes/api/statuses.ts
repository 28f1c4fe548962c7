/**
 * Statuses: a quarter's 98 rows, the matrix of every quarter, and writes of one municipality or
 * many in one transaction. Consultants write only in their own area (access/own-area.ts).
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { assertMayEdit } from '../../access/own-area.ts';
import { badRequest } from '../../errors/http-error.ts';
import { sendJson } from '../../http/json-answer.ts';
import { actorOf, audienceOf } from '../../plugins/auth.ts';
import { errorResponses, MunicipalityParams, QuarterCode, QuarterParams } from '../../schemas/common.ts';
import { SaveResult, StatusBulkWrite, StatusWrite } from '../../schemas/entry.ts';
import { MunicipalityStatus, StatusMatrix } from '../../schemas/quarter.ts';
import { putQuarterRows } from './quarter-rows.ts';
import { knownMunicipality, knownQuarter } from './resolve.ts';

const statuses: FastifyPluginAsyncTypebox = async (fastify) => {
  const editors = fastify.requireRole('admin', 'consultant');

  fastify.get(
    '/quarters/:quarter/statuses',
    {
      config: { etag: true },
      schema: {
        operationId: 'listQuarterStatuses',
        tags: ['quarters'],
        summary: 'All 98 municipalities in one quarter: category (null when not assessed), reason, note, agreements, zero quota',
        params: QuarterParams,
        response: { 200: Type.Array(MunicipalityStatus), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, fastify.repository.statuses.ofQuarter(knownQuarter(fastify, request, request.params.quarter), audienceOf(request))),
  );

  fastify.get(
    '/statuses',
    {
      config: { etag: true },
      schema: {
        operationId: 'getStatusMatrix',
        tags: ['quarters'],
        summary: 'Every municipality’s category in every quarter of a range, with each change and its reason',
        querystring: Type.Object({ from: Type.Optional(QuarterCode), to: Type.Optional(QuarterCode) }, { additionalProperties: false }),
        response: { 200: StatusMatrix, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const from = request.query.from === undefined ? undefined : knownQuarter(fastify, request, request.query.from, 'from');
      const to = request.query.to === undefined ? undefined : knownQuarter(fastify, request, request.query.to, 'to');
      if (from && to && from > to) throw badRequest(`from: ${from} comes after to (${to})`);
      return sendJson(request, reply, fastify.repository.statuses.matrix({ from, to }, audienceOf(request)));
    },
  );

  fastify.put(
    '/quarters/:quarter/statuses/:code',
    {
      onRequest: editors,
      schema: {
        operationId: 'saveStatus',
        tags: ['entry'],
        summary: 'Set one municipality’s category, reason and note; 409 with the current row when your version is stale',
        params: Type.Object({ quarter: QuarterCode, code: MunicipalityParams.properties.code }),
        body: StatusWrite,
        response: { 200: MunicipalityStatus, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const quarter = knownQuarter(fastify, request, request.params.quarter);
      const code = knownMunicipality(fastify, request.params.code);
      assertMayEdit(fastify, request, [code]);
      return fastify.repository.statuses.save(quarter, [{ code, ...request.body }], actorOf(request)).rows[0];
    },
  );

  putQuarterRows(fastify, '/quarters/:quarter/statuses', {
    operationId: 'saveStatuses',
    tags: ['entry'],
    summary: 'Set many municipalities in one transaction: all rows are saved or none',
    body: StatusBulkWrite,
    answer: SaveResult,
    save: (quarter, rows, actor) => fastify.repository.statuses.save(quarter, rows, actor),
  });
};

export default statuses;
