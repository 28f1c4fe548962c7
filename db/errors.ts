/**
 * Why a write was refused, in terms the API can pass on: `invalid` (400), `not_found` (404),
 * `conflict` and `locked` (409). `details` carries the row-level report. Who may write at all is
 * decided by the server before a write starts, so no domain rule refuses with 403.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'locked';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** One problem in one row of a bulk write or import, named by row (or line) and field. */
export interface RowProblem {
  row: number;
  code?: string;
  field: string;
  message: string;
}

export const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('invalid', message, details);
export const notFound = (message: string) => new DomainError('not_found', message);
export const locked = (message: string, details?: Record<string, unknown>) => new DomainError('locked', message, details);
