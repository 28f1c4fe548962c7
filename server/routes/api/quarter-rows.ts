/**
 * A write of many municipalities' rows to one quarter (PUT /quarters/:quarter/…): administrators
 * anywhere, consultants only when every row lies in their own area (access/own-area.ts); the
 * repository saves all the rows in one transaction or none.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';
import { assertMayEdit } from '../../access/own-area.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, QuarterParams } from '../../schemas/common.ts';
import { knownQuarter } from './resolve.ts';

/** The rows of a body such as { rows: [{ code, … }, …] }. */
type RowsOf<Body extends TSchema> = Static<Body> extends { rows: infer Rows extends { code: string }[] } ? Rows : never;

export interface QuarterRowsWrite<Body extends TSchema, Answer extends TSchema> {
  operationId: string;
  tags: string[];
  summary: string;
  body: Body;
  answer: Answer;
  save: (quarter: string, rows: RowsOf<Body>, actor: ReturnType<typeof actorOf>) => Static<Answer>;
}

export function putQuarterRows<Body extends TSchema, Answer extends TSchema>(
  fastify: FastifyInstance,
  path: string,
  { operationId, tags, summary, body, answer, save }: QuarterRowsWrite<Body, Answer>,
): void {
  fastify.put(
    path,
    {
      onRequest: fastify.requireRole('admin', 'consultant'),
      schema: { operationId, tags, summary, params: QuarterParams, body, response: { 200: answer, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => {
      // The schema has checked params and body; the plain instance does not type them from it.
      const quarter = knownQuarter(fastify, request, (request.params as { quarter: string }).quarter);
      const { rows } = request.body as { rows: RowsOf<Body> };
      assertMayEdit(fastify, request, rows.map((row) => normaliseMunicipalityCode(row.code) ?? row.code));
      return save(quarter, rows, actorOf(request));
    },
  );
}
