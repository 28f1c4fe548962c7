/** Recruitment numbers per quarter: every reader sees them; administrators, and consultants in their own area, enter them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, QuarterParams } from '../../schemas/common.ts';
import { Recruitment, RecruitmentWrite } from '../../schemas/consultants.ts';
import { putQuarterRows } from './quarter-rows.ts';
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

  putQuarterRows(fastify, '/quarters/:quarter/recruitment', {
    operationId: 'saveRecruitment',
    tags: ['consultants'],
    summary: 'Set recruitment numbers for many municipalities in one transaction',
    body: RecruitmentWrite,
    answer: Recruitment,
    save: (quarter, rows, actor) => fastify.repository.recruitment.save(quarter, rows, actor),
  });
};

export default recruitment;
