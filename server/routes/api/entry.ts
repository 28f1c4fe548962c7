/**
 * Entering a quarter: status writes (one municipality or many in one transaction) and the
 * quarter's state changes. Consultants and administrators write statuses; only administrators
 * open, finalise and reopen quarters.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { saveStatuses } from '../../../db/writes/statuses.ts';
import { finaliseQuarter, openNextQuarter, reopenQuarter } from '../../../db/writes/quarters.ts';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';
import { HttpError } from '../../errors/http-error.ts';
import { assertMayEdit } from '../../access/own-area.ts';
import { actorOf } from '../../plugins/auth.ts';
import { MunicipalityParams, QuarterCode, QuarterParams } from '../../schemas/common.ts';
import { MunicipalityStatus, Quarter } from '../../schemas/quarter.ts';
import { OpenedQuarter, OpenQuarterBody, ReopenBody, SaveResult, StatusBulkWrite, StatusWrite } from '../../schemas/entry.ts';
import { normaliseQuarterCode } from '../../../db/domain/quarter.ts';
import { Type } from '@sinclair/typebox';
import { knownMunicipality, knownQuarter } from './resolve.ts';

const errors = {
  400: { $ref: 'ErrorResponse#' },
  401: { $ref: 'ErrorResponse#' },
  403: { $ref: 'ErrorResponse#' },
  404: { $ref: 'ErrorResponse#' },
  409: { $ref: 'ErrorResponse#' },
};

const entry: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = fastify.database.db;
  const editors = fastify.requireRole('admin', 'consultant');
  const adminOnly = fastify.requireRole('admin');

  fastify.put(
    '/quarters/:quarter/statuses/:code',
    {
      onRequest: editors,
      schema: {
        tags: ['entry'],
        summary: 'Set one municipality’s category, reason and note; 409 with the current row when your version is stale',
        params: Type.Object({ quarter: QuarterCode, code: MunicipalityParams.properties.code }),
        body: StatusWrite,
        response: { 200: MunicipalityStatus, ...errors },
      },
    },
    async (request) => {
      const quarter = knownQuarter(fastify, request, request.params.quarter);
      const code = knownMunicipality(fastify, request.params.code);
      assertMayEdit(fastify, request, [code]);
      const result = saveStatuses(db, quarter, [{ code, ...request.body }], actorOf(request));
      return result.rows[0];
    },
  );

  fastify.put(
    '/quarters/:quarter/statuses',
    {
      onRequest: editors,
      schema: {
        tags: ['entry'],
        summary: 'Set many municipalities in one transaction: all rows are saved or none',
        params: QuarterParams,
        body: StatusBulkWrite,
        response: { 200: SaveResult, ...errors },
      },
    },
    async (request) => {
      const quarter = knownQuarter(fastify, request, request.params.quarter);
      assertMayEdit(fastify, request, request.body.rows.map((row) => normaliseMunicipalityCode(row.code) ?? row.code));
      return saveStatuses(db, quarter, request.body.rows, actorOf(request));
    },
  );

  fastify.post(
    '/quarters',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['entry'],
        summary: 'Open the next quarter, with the previous categories as a draft marked "carried over"; in an empty database, the first quarter chosen',
        body: OpenQuarterBody,
        response: { 201: OpenedQuarter, ...errors },
      },
      // "Open the next quarter" needs no body; an empty one means just that.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const requested = request.body.quarter;
      const first = requested === undefined ? undefined : normaliseQuarterCode(requested)!;
      return reply.status(201).send(openNextQuarter(db, actorOf(request), new Date(), first));
    },
  );

  fastify.post(
    '/quarters/:quarter/finalise',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['entry'],
        summary: 'Finalise a quarter once every municipality is assessed, confirmed, or marked not assessed with a reason',
        params: QuarterParams,
        response: { 200: Quarter, ...errors },
      },
    },
    async (request) => {
      const quarter = knownQuarter(fastify, request, request.params.quarter);
      finaliseQuarter(db, quarter, actorOf(request));
      return quarterInfo(quarter);
    },
  );

  fastify.post(
    '/quarters/:quarter/reopen',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['entry'],
        summary: 'Reopen a final quarter, with a reason',
        params: QuarterParams,
        body: ReopenBody,
        response: { 200: Quarter, ...errors },
      },
    },
    async (request) => {
      const quarter = knownQuarter(fastify, request, request.params.quarter);
      reopenQuarter(db, quarter, request.body.reason, actorOf(request));
      return quarterInfo(quarter);
    },
  );

  function quarterInfo(code: string) {
    const info = fastify.repository.quarters().find((q) => q.code === code);
    if (!info) throw new HttpError(404, `quarter: ${code} is not in the database`);
    return info;
  }
};

export default entry;
