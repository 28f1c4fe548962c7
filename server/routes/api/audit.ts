/** The audit log, for administrators: who changed what, when and why. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';
import { normaliseQuarterCode } from '../../../db/domain/quarter.ts';
import { errorResponses } from '../../schemas/common.ts';
import { AuditPage, AuditQuery } from '../../schemas/records.ts';

const audit: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/audit',
    {
      onRequest: fastify.requireRole('admin'),
      schema: {
        operationId: 'listAudit',
        tags: ['records'],
        summary: 'Who changed what, when and why; newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { user, municipality, quarter, from, to, limit, offset } = request.query;
      return fastify.repository.audit.list({
        actorId: user,
        municipalityCode: municipality ? normaliseMunicipalityCode(municipality)! : undefined,
        quarterCode: quarter ? normaliseQuarterCode(quarter)! : undefined,
        from,
        to,
        limit: limit ?? 100,
        offset: offset ?? 0,
      });
    },
  );
};

export default audit;
