/**
 * A refusal raised by the server itself (not by a domain rule in db/): a status code and the
 * message the client is told. The error handler (handler.ts) turns it into the answer.
 */
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
