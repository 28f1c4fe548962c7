import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MunicipalityParams } from '../../schemas/common.ts';
import { Municipality, MunicipalityHistory } from '../../schemas/municipality.ts';
import { sendJson } from '../../http/json-answer.ts';
import { knownMunicipality } from './resolve.ts';
import { audienceOf } from '../../plugins/auth.ts';

const errors = { 400: { $ref: 'ErrorResponse#' }, 404: { $ref: 'ErrorResponse#' } };

const municipalities: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/municipalities',
    {
      schema: {
        tags: ['municipalities'],
        summary: 'The 98 municipalities with their region',
        response: { 200: Type.Array(Municipality) },
      },
    },
    async () => fastify.repository.municipalities(),
  );

  fastify.get(
    '/municipalities/:code/history',
    {
      schema: {
        tags: ['municipalities'],
        summary: 'A municipality’s category, reason and note in every quarter, with its agreements and quotas',
        params: MunicipalityParams,
        response: { 200: MunicipalityHistory, ...errors },
      },
    },
    async (request, reply) => sendJson(request, reply, fastify.repository.json.history(knownMunicipality(fastify, request.params.code), audienceOf(request))),
  );
};

export default municipalities;
