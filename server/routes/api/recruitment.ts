/** Recruitment numbers per quarter: every reader sees them; administrators, and consultants in their own area, enter them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';
import { assertMayEdit } from '../../access/own-area.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, QuarterParams } from '../../schemas/common.ts';
import { Recruitment, RecruitmentWrite } from '../../schemas/consultants.ts';
import { knownQuarter } from './resolve.ts';

const recruitment: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/quarters/:quarter/recruitment',
    {
      schema: {
        operationId: 'getRecruitment',
        tags: ['consultants'],
        summary: 'Recruitment numbers of the 98 municipalities in a quarter, and the national sums',
        params: QuarterParams,
        response: { 200: Recruitment, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => fastify.repository.recruitment.ofQuarter(knownQuarter(fastify, request, request.params.quarter)),
  );

  fastify.put(
    '/quarters/:quarter/recruitment',
    {
      onRequest: fastify.requireRole('admin', 'consultant'),
      schema: {
        operationId: 'saveRecruitment',
        tags: ['consultants'],
        summary: 'Set recruitment numbers for many municipalities in one transaction',
        params: QuarterParams,
        body: RecruitmentWrite,
        response: { 200: Recruitment, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const quarter = knownQuarter(fastify, request, request.params.quarter);
      assertMayEdit(fastify, request, request.body.rows.map((row) => normaliseMunicipalityCode(row.code) ?? row.code));
      return fastify.repository.recruitment.save(quarter, request.body.rows, actorOf(request));
    },
  );
};

export default recruitment;
