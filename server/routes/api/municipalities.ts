import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendJson } from '../../http/json-answer.ts';
import { audienceOf } from '../../plugins/auth.ts';
import { errorResponses, MunicipalityParams } from '../../schemas/common.ts';
import { Municipality, MunicipalityHistory } from '../../schemas/municipality.ts';
import { knownMunicipality } from './resolve.ts';

const municipalities: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/municipalities',
    {
      schema: {
        operationId: 'listMunicipalities',
        tags: ['municipalities'],
        summary: 'The 98 municipalities with their region',
        response: { 200: Type.Array(Municipality) },
      },
    },
    async () => fastify.repository.municipalities.list(),
  );

  fastify.get(
    '/municipalities/:code/history',
    {
      config: { etag: true },
      schema: {
        operationId: 'getMunicipalityHistory',
        tags: ['municipalities'],
        summary: 'A municipality’s category, reason and note in every quarter, with its agreements and quotas',
        params: MunicipalityParams,
        response: { 200: MunicipalityHistory, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => sendJson(request, reply, fastify.repository.municipalities.history(knownMunicipality(fastify, request.params.code), audienceOf(request))),
  );
};

export default municipalities;
