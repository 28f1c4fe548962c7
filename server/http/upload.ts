/**
 * Uploads of a statuses file as multipart/form-data: the fields `file` (CSV or XLSX), `quarter`
 * and `fingerprint`, in any order. Only the import routes accept uploads (acceptUploads is
 * registered in their scope); the limits of the multipart plugin become messages that say what
 * to do.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normaliseQuarterCode } from '../../db/domain/quarter.ts';
import { MAX_FILE_BYTES } from '../../db/import/limits.ts';
import { badRequest, HttpError } from '../errors/http-error.ts';

const MEGABYTES = MAX_FILE_BYTES / 1024 / 1024;
const UPLOAD_FIELDS = ['quarter', 'fingerprint'] as const;

export interface Upload {
  bytes: Buffer;
  fileName: string;
  /** Canonical code of the `quarter` field, or null for a history file. */
  target: string | null;
  fingerprint: string | null;
}

/** Multipart for the routes of this scope: one file, the two fields, nothing more. */
export async function acceptUploads(fastify: FastifyInstance): Promise<void> {
  await fastify.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: UPLOAD_FIELDS.length, fieldSize: 1024, parts: UPLOAD_FIELDS.length + 1 },
  });
}

/**
 * Documents the form for OpenAPI. Fastify validates it against the body, which multipart leaves
 * undefined, so it has no `type: 'object'`: `properties` and `required` pass anything that is not
 * an object. readUpload reads and checks the parts itself.
 */
export const uploadForm = (withFingerprint: boolean) => ({
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

/** Reads every part, whatever their order, so `quarter` may come before or after the file. */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
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
