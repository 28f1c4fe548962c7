import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Meta } from '../../schemas/meta.ts';

const meta: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/meta',
    {
      schema: {
        tags: ['operations'],
        summary: 'What the dashboard needs to label its data: demo or live, category definitions, reasons, regions',
        response: { 200: Meta },
      },
    },
    async () => fastify.repository.meta(),
  );
};

export default meta;
