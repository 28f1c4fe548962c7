/**
 * One error policy for the API: 4xx answers say what was wrong and name the field; 5xx answers
 * say only that the server failed (details go to the log with the request id).
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { FastifySchemaValidationError, SchemaErrorDataVar } from 'fastify/types/schema.js';
import { DomainError, type DomainErrorKind } from '../db/errors.ts';
import { translateMessage, wantsDanish } from './danish.ts';

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
  // A value that fits none of a union's branches gets one message for the union, not one per branch.
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  const relevant = errors.filter((e) => !unions.some((union) => e.schemaPath.startsWith(`${union}/`)));
  const messages = relevant.map((error) => {
    const detail = error as FastifySchemaValidationError & { parentSchema?: { description?: string }; data?: unknown };
    const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const field = [dataVar === 'body' ? 'body' : '', path, missing ?? extra ?? '']
      .filter(Boolean)
      .join('.') || dataVar;
    if (missing) return `${field}: is required`;
    if (extra) return `${field}: is not a known field`;
    const described = (error.keyword === 'pattern' || error.keyword === 'anyOf' || error.keyword === 'oneOf') && detail.parentSchema?.description;
    const expected = described
      ? `must be ${detail.parentSchema!.description}`
      : error.keyword === 'anyOf' || error.keyword === 'oneOf'
        ? 'is not one of the allowed values'
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
    const danish = wantsDanish(request.headers['accept-language']);
    const say = (message: string) => (danish ? translateMessage(message) : message);
    // The field a one-field refusal is about, by its machine name, so a form can show the
    // message at that field whatever language the message is in.
    const fieldOf = (message: string) => /^(?:body\.)?([a-zA-Z]+): /.exec(message)?.[1];
    if (error instanceof DomainError) {
      const statusCode = DOMAIN_STATUS[error.kind];
      request.log.info({ statusCode, reason: error.message }, 'request refused');
      const details = { ...error.details };
      if (Array.isArray(details.errors)) {
        details.errors = (details.errors as { message: string }[]).map((problem) => ({ ...problem, message: say(problem.message) }));
      }
      return reply
        .status(statusCode)
        .send({ statusCode, error: STATUS_CODES[statusCode], message: say(error.message), field: fieldOf(error.message), ...details });
    }
    const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(statusCode).send({
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Internal Server Error',
        message: say('The server could not complete the request. The error has been logged.'),
      });
    }
    request.log.info({ statusCode, reason: error.message }, 'request rejected');
    return reply
      .status(statusCode)
      .send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: say(error.message), field: fieldOf(error.message) });
  });
}
