/**
 * One error policy for the API: 4xx answers say what was wrong and name the field; 5xx answers
 * say only that the server failed (details go to the log with the request id).
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { FastifySchemaValidationError, SchemaErrorDataVar } from 'fastify/types/schema.js';
import { DomainError, type DomainErrorKind } from '../db/errors.ts';

const DOMAIN_STATUS: Record<DomainErrorKind, number> = { invalid: 400, not_found: 404, conflict: 409, locked: 409, forbidden: 403 };

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);

/**
 * Turns Ajv's errors into one sentence per field, e.g.
 * `quarter: must be a quarter code such as 2016K2 (2016Q2 is also accepted); got "2016X2"`.
 */
export function formatSchemaErrors(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  const messages = errors.map((error) => {
    const detail = error as FastifySchemaValidationError & { parentSchema?: { description?: string }; data?: unknown };
    const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const field = [dataVar === 'body' ? 'body' : '', path, missing ?? extra ?? '']
      .filter(Boolean)
      .join('.') || dataVar;
    if (missing) return `${field}: is required`;
    if (extra) return `${field}: is not a known field`;
    const expected =
      error.keyword === 'pattern' && detail.parentSchema?.description
        ? `must be ${detail.parentSchema.description}`
        : error.message;
    const got = detail.data === undefined ? '' : `; got ${JSON.stringify(detail.data)}`;
    return `${field}: ${expected}${got}`;
  });
  const error = new Error([...new Set(messages)].join('; ')) as Error & { statusCode: number };
  error.statusCode = 400;
  return error;
}

export function registerErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const statusCode = DOMAIN_STATUS[error.kind];
      request.log.info({ statusCode, reason: error.message }, 'request refused');
      return reply
        .status(statusCode)
        .send({ statusCode, error: STATUS_CODES[statusCode], message: error.message, ...error.details });
    }
    const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(statusCode).send({
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Internal Server Error',
        message: 'The server could not complete the request. The error has been logged.',
      });
    }
    request.log.info({ statusCode, reason: error.message }, 'request rejected');
    return reply.status(statusCode).send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: error.message });
  });
}
