/**
 * Import (administrators: upload → preview → commit) and export (every reader) of quarterly
 * statuses as CSV or XLSX. Multipart is registered here only, so no other route accepts uploads.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { normaliseQuarterCode } from '../../../db/domain/quarter.ts';
import { EXPORT_HEADER, exportCells } from '../../../db/export/columns.ts';
import { toCsv } from '../../../db/export/csv.ts';
import { exportFileName } from '../../../db/export/file-name.ts';
import { exportRows } from '../../../db/export/rows.ts';
import { toXlsx } from '../../../db/export/xlsx.ts';
import { commitImport } from '../../../db/import/apply.ts';
import { MAX_FILE_BYTES } from '../../../db/import/limits.ts';
import { planImport } from '../../../db/import/plan.ts';
import { rejectImport } from '../../../db/import/problems.ts';
import { readImport } from '../../../db/import/read.ts';
import { datasetKind } from '../../../db/queries/meta.ts';
import { badRequest, HttpError, notFound } from '../../errors/http-error.ts';
import { actorOf, audienceOf } from '../../plugins/auth.ts';
import { ExportQuery, ImportPreview, ImportResult } from '../../schemas/transfer.ts';
import { knownQuarter } from './resolve.ts';

const errors = {
  400: { $ref: 'ErrorResponse#' },
  401: { $ref: 'ErrorResponse#' },
  403: { $ref: 'ErrorResponse#' },
  404: { $ref: 'ErrorResponse#' },
};
const MEGABYTES = MAX_FILE_BYTES / 1024 / 1024;
const UPLOAD_FIELDS = ['quarter', 'fingerprint'] as const;

/**
 * Documents the form for OpenAPI. Fastify validates it against the body, which multipart leaves
 * undefined, so it has no `type: 'object'`: `properties` and `required` pass anything that is not
 * an object. The handler reads and checks the parts itself.
 */
const uploadForm = (withFingerprint: boolean) => ({
  content: {
    'multipart/form-data': {
      schema: {
        properties: {
          file: { type: 'string', format: 'binary', description: `CSV (UTF-8) or XLSX, at most ${MEGABYTES} MB` },
          quarter: { type: 'string', description: 'the quarter the whole file is for, e.g. 2019K1; leave out when the file has a "kvartal" column' },
          ...(withFingerprint ? { fingerprint: { type: 'string', description: 'from the preview of the same file' } } : {}),
        },
        required: withFingerprint ? ['file', 'fingerprint'] : ['file'],
      },
    },
  },
});

/** Only for OpenAPI: a file answer is a Buffer, which Fastify sends without serialising. */
const fileAnswer = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
});
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Upload {
  bytes: Buffer;
  fileName: string;
  /** Canonical code of the `quarter` field, or null for a history file. */
  target: string | null;
  fingerprint: string | null;
}

const transfer: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: UPLOAD_FIELDS.length, fieldSize: 1024, parts: UPLOAD_FIELDS.length + 1 },
  });
  const db = fastify.database.db;
  const adminOnly = fastify.requireRole('admin');

  fastify.post(
    '/imports/preview',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['transfer'],
        summary: 'Check an uploaded CSV or XLSX file of statuses and show what an import would change; writes nothing',
        body: uploadForm(false),
        response: { 200: ImportPreview, ...errors, 413: { $ref: 'ErrorResponse#' } },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      const file = await readImport(upload.bytes, upload.target);
      const plan = planImport(db, file, { bytes: upload.bytes, target: upload.target, now: new Date() });
      if (plan.problems.length > 0) throw rejectImport(plan.problems);
      return { ...plan, fileName: upload.fileName, format: file.format, ignoredColumns: file.ignoredColumns };
    },
  );

  fastify.post(
    '/imports/commit',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['transfer'],
        summary: 'Import the previewed file in one transaction; 409 when the data changed since the preview',
        body: uploadForm(true),
        response: { 200: ImportResult, ...errors, 409: { $ref: 'ErrorResponse#' }, 413: { $ref: 'ErrorResponse#' } },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      if (!upload.fingerprint) throw badRequest('fingerprint: missing; preview the file first and send the fingerprint it answered');
      const file = await readImport(upload.bytes, upload.target);
      return commitImport(
        db,
        file,
        { bytes: upload.bytes, target: upload.target, now: new Date(), fileName: upload.fileName, fingerprint: upload.fingerprint },
        actorOf(request),
      );
    },
  );

  fastify.get(
    '/exports/statuses.csv',
    {
      schema: {
        tags: ['transfer'],
        summary: 'Statuses of a range of quarters as CSV for Danish Excel (UTF-8 with BOM, ";", CRLF)',
        querystring: ExportQuery,
        response: { 200: fileAnswer('text/csv', 'the CSV file, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const range = exportRange(request);
      const rows = exportRows(db, range.quarters, audienceOf(request)).map(exportCells);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFileName(range.from, range.to, isDemo(), 'csv')}"`)
        .send(toCsv(EXPORT_HEADER, rows));
    },
  );

  fastify.get(
    '/exports/statuses.xlsx',
    {
      schema: {
        tags: ['transfer'],
        summary: 'Statuses of a range of quarters as an Excel workbook',
        querystring: ExportQuery,
        response: { 200: fileAnswer(XLSX_TYPE, 'the workbook, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const range = exportRange(request);
      const workbook = await toXlsx(exportRows(db, range.quarters, audienceOf(request)), { from: range.from, to: range.to, demo: isDemo(), exportedAt: new Date() });
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${exportFileName(range.from, range.to, isDemo(), 'xlsx')}"`)
        .send(workbook);
    },
  );

  const isDemo = () => datasetKind(db) === 'demo';

  /** The quarters the caller may see between from and to; drafts only for those who enter them. */
  function exportRange(request: FastifyRequest<{ Querystring: { from?: string; to?: string } }>) {
    const query = request.query;
    const all = fastify.repository.quarters(audienceOf(request)).map((q) => q.code);
    if (all.length === 0) throw notFound('the database holds no final quarters yet');
    const from = query.from === undefined ? all[0] : knownQuarter(fastify, request, query.from, 'from');
    const to = query.to === undefined ? all.at(-1)! : knownQuarter(fastify, request, query.to, 'to');
    const quarters = all.slice(all.indexOf(from), all.indexOf(to) + 1);
    if (quarters.length === 0) throw badRequest(`from: ${from} is after to: ${to}`);
    return { from, to, quarters };
  }
};

/**
 * Reads every part, whatever their order, so `quarter` may come before or after the file. The
 * multipart plugin's limit errors become messages that say what to do.
 */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw badRequest('file: send the file as multipart/form-data in a field named "file"');
  let file: { bytes: Buffer; fileName: string } | undefined;
  const fields: Partial<Record<(typeof UPLOAD_FIELDS)[number], string>> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw badRequest(`${part.fieldname}: send the file in a field named "file"`);
        file = { bytes: await part.toBuffer(), fileName: part.filename };
      } else {
        const name = UPLOAD_FIELDS.find((f) => f === part.fieldname);
        if (!name) throw badRequest(`${part.fieldname}: is not a known field; send file, quarter and fingerprint`);
        fields[name] = String(part.value).trim();
      }
    }
  } catch (error) {
    throw uploadError(error);
  }
  if (!file) throw badRequest('file: no file was sent; choose a CSV or XLSX file');
  const target = fields.quarter ? normaliseQuarterCode(fields.quarter) : null;
  if (fields.quarter && !target) throw badRequest(`quarter: must be a quarter code such as 2016K2; got ${JSON.stringify(fields.quarter)}`);
  return {
    bytes: file.bytes,
    // Only the last path segment (some browsers send the full local path), without control or
    // bidi characters: the name is shown again in the audit log.
    fileName: file.fileName.split(/[\\/]/).pop()!.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '').slice(0, 200) || 'import',
    target,
    fingerprint: fields.fingerprint || null,
  };
}

function uploadError(error: unknown): unknown {
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new HttpError(413, `file: larger than ${MEGABYTES} MB; split it into several files, e.g. one per year`);
    case 'FST_FILES_LIMIT':
      return badRequest('file: send one file at a time');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return badRequest('too many form fields; send file, quarter and fingerprint');
    default:
      // Busboy's own errors (a cut-off or malformed body) carry no status; they are the client's.
      if (error instanceof Error && !('statusCode' in error)) {
        return badRequest(`file: the upload could not be read (${error.message}); send it again`);
      }
      return error;
  }
}

export default transfer;
