/**
 * Cooperation agreements: every reader lists them; administrators, and consultants in their own
 * area, register, edit and end them.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';
import { assertMayEdit } from '../../access/own-area.ts';
import { notFound } from '../../errors/http-error.ts';
import { actorOf, audienceOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../schemas/common.ts';
import { AgreementIdParams, AgreementPatch, AgreementQuery, AgreementRow, NewAgreement } from '../../schemas/records.ts';

const agreements: FastifyPluginAsyncTypebox = async (fastify) => {
  const editors = fastify.requireRole('admin', 'consultant');

  fastify.get(
    '/agreements',
    {
      schema: {
        operationId: 'listAgreements',
        tags: ['records'],
        summary: 'Cooperation agreements, optionally for one municipality, organisation or day',
        querystring: AgreementQuery,
        response: { 200: Type.Array(AgreementRow), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      fastify.repository.agreements.list(
        {
          municipalityCode: request.query.municipality ? normaliseMunicipalityCode(request.query.municipality)! : undefined,
          organisation: request.query.organisation,
          activeOn: request.query.activeOn,
        },
        audienceOf(request),
      ),
  );

  fastify.post(
    '/agreements',
    {
      onRequest: editors,
      schema: { operationId: 'createAgreement', tags: ['records'], summary: 'Register an agreement', body: NewAgreement, response: { 201: AgreementRow, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      const code = normaliseMunicipalityCode(request.body.municipalityCode);
      if (code) assertMayEdit(fastify, request, [code]);
      return reply.status(201).send(fastify.repository.agreements.create(request.body, actorOf(request)));
    },
  );

  fastify.patch(
    '/agreements/:id',
    {
      onRequest: editors,
      schema: {
        operationId: 'updateAgreement',
        tags: ['records'],
        summary: 'Edit or end an agreement (set endedOn)',
        params: AgreementIdParams,
        body: AgreementPatch,
        response: { 200: AgreementRow, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const agreement = fastify.repository.agreements.find(request.params.id);
      if (!agreement) throw notFound(`id: agreement ${request.params.id} does not exist`);
      assertMayEdit(fastify, request, [agreement.municipalityCode]);
      return fastify.repository.agreements.update(request.params.id, request.body, actorOf(request));
    },
  );
};

export default agreements;
