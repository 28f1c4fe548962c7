/** Export of quarterly statuses as CSV or XLSX, for every reader, cut to what they may see. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { badRequest, notFound } from '../../errors/http-error.ts';
import { audienceOf } from '../../plugins/auth.ts';
import type { ExportRange } from '../../repository/exports.ts';
import { errorResponses } from '../../schemas/common.ts';
import { ExportQuery } from '../../schemas/transfer.ts';
import { knownQuarter } from './resolve.ts';

/** Only for OpenAPI: a file answer is a Buffer, which Fastify sends without serialising. */
const fileAnswer = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
});
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fileExports: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/exports/statuses.csv',
    {
      schema: {
        operationId: 'exportStatusesCsv',
        tags: ['transfer'],
        summary: 'Statuses of a range of quarters as CSV for Danish Excel (UTF-8 with BOM, ";", CRLF)',
        querystring: ExportQuery,
        response: { 200: fileAnswer('text/csv', 'the CSV file, as an attachment'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = fastify.repository.exports.csv(exportRange(request), audienceOf(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  fastify.get(
    '/exports/statuses.xlsx',
    {
      schema: {
        operationId: 'exportStatusesXlsx',
        tags: ['transfer'],
        summary: 'Statuses of a range of quarters as an Excel workbook',
        querystring: ExportQuery,
        response: { 200: fileAnswer(XLSX_TYPE, 'the workbook, as an attachment'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await fastify.repository.exports.xlsx(exportRange(request), audienceOf(request));
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );

  /** The quarters the caller may see between from and to; drafts only for those who enter them. */
  function exportRange(request: FastifyRequest<{ Querystring: { from?: string; to?: string } }>): ExportRange {
    const query = request.query;
    const all = fastify.repository.quarters.codes(audienceOf(request));
    if (all.length === 0) throw notFound('the database holds no final quarters yet');
    const from = query.from === undefined ? all[0] : knownQuarter(fastify, request, query.from, 'from');
    const to = query.to === undefined ? all.at(-1)! : knownQuarter(fastify, request, query.to, 'to');
    const quarters = all.slice(all.indexOf(from), all.indexOf(to) + 1);
    if (quarters.length === 0) throw badRequest(`from: ${from} is after to: ${to}`);
    return { from, to, quarters };
  }
};

export default fileExports;
