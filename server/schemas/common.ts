import { Type, type StringOptions } from '@sinclair/typebox';
import { MUNICIPALITY_CODE_PATTERN } from '../../db/domain/municipality-code.ts';
import { QUARTER_CODE_PATTERN } from '../../db/domain/quarter.ts';
import { MAX_INTEGER } from '../../db/domain/limits.ts';

export const QuarterCode = Type.String({
  pattern: QUARTER_CODE_PATTERN,
  description: 'a quarter code such as 2016K2 (2016Q2 is also accepted)',
  examples: ['2018K4'],
});

export const MunicipalityCode = Type.String({
  pattern: MUNICIPALITY_CODE_PATTERN,
  description: 'a municipality code such as 0101 (101 is also accepted)',
  examples: ['0101'],
});

/** One line of text (a name, an e-mail address, a password): no control characters, no line breaks. */
export const SingleLineText = (options: StringOptions) => Type.String({ ...options, format: 'single-line' });

/** Free text over several lines (a note, a reason): tabs and line breaks, but no other control characters. */
export const MultiLineText = (options: StringOptions) => Type.String({ ...options, format: 'multi-line' });

/**
 * A real calendar date (format "date" is checked by db/domain/iso-date.ts, see server/http/validation.ts):
 * 2019-02-30 is refused here rather than reaching a query as an invalid date.
 */
export const IsoDate = Type.String({ format: 'date', description: 'a date written YYYY-MM-DD', examples: ['2019-01-05'] });

/** A row id in a path, query or body; bounded so that it always binds to SQLite as an integer. */
export const Id = (description: string) => Type.Integer({ minimum: 1, maximum: MAX_INTEGER, description });

export const CategoryValue = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Null()], {
  description: '1 green, 2 yellow, 3 red; null when not assessed',
});

export const Organisation = Type.Union([Type.Literal('RK'), Type.Literal('DFH')]);

export const QuarterParams = Type.Object({ quarter: QuarterCode });
export const MunicipalityParams = Type.Object({ code: MunicipalityCode });


/**
 * The refusals a route documents, each answered as an ErrorResponse by the one error handler
 * (server/errors/handler.ts): `response: { 200: Quarter, ...errorResponses(400, 404) }`.
 */
export function errorResponses<Code extends number>(...codes: Code[]): Record<Code, { $ref: 'ErrorResponse#' }> {
  return Object.fromEntries(codes.map((code) => [code, { $ref: 'ErrorResponse#' }])) as Record<Code, { $ref: 'ErrorResponse#' }>;
}

export const CategoryCounts = Type.Object(
  {
    green: Type.Integer(),
    yellow: Type.Integer(),
    red: Type.Integer(),
    notAssessed: Type.Integer(),
  },
  { additionalProperties: false },
);

export const NullableString = Type.Union([Type.String(), Type.Null()]);
