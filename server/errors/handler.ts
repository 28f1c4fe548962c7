/**
 * One error policy for the API: 4xx answers say what was wrong and name the field; 5xx answers
 * say only that the server failed (details go to the log with the request id).
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, type DomainErrorKind } from '../../db/errors.ts';
import { translateMessage, wantsDanish } from './danish.ts';
import { cut, MAX_MESSAGE_CHARS } from './limits.ts';

const DOMAIN_STATUS: Record<DomainErrorKind, number> = { invalid: 400, not_found: 404, conflict: 409, locked: 409 };

export function registerErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const danish = wantsDanish(request.headers['accept-language']);
    // Every message is bounded, whatever produced it (a domain rule may quote what it refuses).
    const say = (message: string) => (danish ? translateMessage(message) : cut(message, MAX_MESSAGE_CHARS));
    const reason = cut(error.message, MAX_MESSAGE_CHARS);
    // The field a one-field refusal is about, by its machine name, so a form can show the
    // message at that field whatever language the message is in.
    const fieldOf = (message: string) => /^(?:body\.)?([a-zA-Z]+): /.exec(message)?.[1];
    if (error instanceof DomainError) {
      const statusCode = DOMAIN_STATUS[error.kind];
      request.log.info({ statusCode, reason }, 'request refused');
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
    request.log.info({ statusCode, reason }, 'request rejected');
    return reply
      .status(statusCode)
      .send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: say(error.message), field: fieldOf(error.message) });
  });
}
