import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Meta } from '../../schemas/meta.ts';
import { audienceOf } from '../../plugins/auth.ts';

const meta: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/meta',
    {
      schema: {
        operationId: 'getMeta',
        tags: ['operations'],
        summary: 'What the dashboard needs to label its data: demo or live, category definitions, reasons, regions',
        response: { 200: Meta },
      },
    },
    async (request) => ({
      ...fastify.repository.meta.read(audienceOf(request)),
      publicUrl: fastify.outreach.publicUrl,
      mail: fastify.outreach.mail,
      reminderDays: fastify.outreach.reminderDays,
    }),
  );
};

export default meta;
