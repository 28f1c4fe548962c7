/**
 * Import of quarterly statuses from CSV or XLSX, for administrators: upload → preview → commit.
 * Uploads are accepted in this scope only (http/upload.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { badRequest } from '../../errors/http-error.ts';
import { acceptUploads, readUpload, uploadForm } from '../../http/upload.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../schemas/common.ts';
import { ImportPreview, ImportResult } from '../../schemas/transfer.ts';

const imports: FastifyPluginAsyncTypebox = async (fastify) => {
  await acceptUploads(fastify);
  const adminOnly = fastify.requireRole('admin');

  fastify.post(
    '/imports/preview',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'previewImport',
        tags: ['transfer'],
        summary: 'Check an uploaded CSV or XLSX file of statuses and show what an import would change; writes nothing',
        body: uploadForm(false),
        response: { 200: ImportPreview, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request) => fastify.repository.imports.preview(await readUpload(request)),
  );

  fastify.post(
    '/imports/commit',
    {
      onRequest: adminOnly,
      schema: {
        operationId: 'commitImport',
        tags: ['transfer'],
        summary: 'Import the previewed file in one transaction; 409 when the data changed since the preview',
        body: uploadForm(true),
        response: { 200: ImportResult, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      if (!upload.fingerprint) throw badRequest('fingerprint: missing; preview the file first and send the fingerprint it answered');
      return fastify.repository.imports.commit({ ...upload, fingerprint: upload.fingerprint }, actorOf(request));
    },
  );
};

export default imports;
