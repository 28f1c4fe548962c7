/** The support log: every reader lists it; administrators, and consultants in their own area, add to it. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';
import { assertMayEdit } from '../../access/own-area.ts';
import { actorOf, audienceOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../schemas/common.ts';
import { Activity, ActivityQuery, NewActivity } from '../../schemas/consultants.ts';
import { knownQuarter } from './resolve.ts';

const activities: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/activities',
    {
      schema: {
        operationId: 'listActivities',
        tags: ['consultants'],
        summary: 'The support log, newest first, optionally for one municipality or quarter',
        querystring: ActivityQuery,
        response: { 200: Type.Array(Activity), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      fastify.repository.activities.list(
        {
          municipalityCode: request.query.municipality ? normaliseMunicipalityCode(request.query.municipality)! : undefined,
          quarterCode: request.query.quarter ? knownQuarter(fastify, request, request.query.quarter) : undefined,
        },
        audienceOf(request),
      ),
  );

  fastify.post(
    '/activities',
    {
      onRequest: fastify.requireRole('admin', 'consultant'),
      schema: { operationId: 'createActivity', tags: ['consultants'], summary: 'Record a support activity', body: NewActivity, response: { 201: Activity, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request, reply) => {
      const code = normaliseMunicipalityCode(request.body.municipalityCode);
      if (code) assertMayEdit(fastify, request, [code]);
      return reply.status(201).send(fastify.repository.activities.log(request.body, actorOf(request)));
    },
  );
};

export default activities;
