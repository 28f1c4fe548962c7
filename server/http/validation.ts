/**
 * Request validation. Bodies are validated strictly: "1" is not the category 1 and an unknown
 * field is an error, not silently dropped. Path and query values arrive as text, so they are
 * coerced ("?limit=50" is the number 50).
 */
import { Ajv, type Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { isIsoDate } from '../../db/domain/iso-date.ts';
import { isMultiLineText, isSingleLineText } from '../../db/domain/text.ts';

// ajv-formats is CommonJS with a default export that ESM sees one level down.
const addFormats = ((addFormatsImport as unknown as { default?: typeof addFormatsImport }).default ?? addFormatsImport) as typeof addFormatsImport;

const common: Options = { useDefaults: true, removeAdditional: false, allErrors: true, verbose: true, strict: false };

/**
 * Formats of our own, each with the explanation a refusal gives (schema-errors.ts), replacing
 * ajv-formats' where the name is the same. "date" is a real calendar date by the same rule as the
 * database's (2019-02-30 is not one); every text field of a request has one of the text formats
 * (server/schemas/common.ts: SingleLineText, MultiLineText).
 */
const FORMATS: Record<string, { validate: (value: string) => boolean; explanation: string }> = {
  date: { validate: isIsoDate, explanation: 'must be a date written YYYY-MM-DD' },
  'single-line': { validate: isSingleLineText, explanation: 'must not contain control characters or line breaks' },
  'multi-line': { validate: isMultiLineText, explanation: 'must not contain control characters' },
};

/** What a value of this format must be, for a refusal; undefined for ajv-formats' own formats. */
export function formatExplanation(format: string): string | undefined {
  return Object.hasOwn(FORMATS, format) ? FORMATS[format].explanation : undefined;
}

function withFormats(ajv: Ajv): Ajv {
  addFormats(ajv);
  for (const [name, { validate }] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}

/**
 * One pair of validators for the process: Ajv keeps what it compiled by schema, and the schemas
 * are module constants, so a second app (tests build hundreds) reuses every compiled validator.
 */
const bodies = withFormats(new Ajv({ ...common, coerceTypes: false }));
const texts = withFormats(new Ajv({ ...common, coerceTypes: 'array' }));

export function useValidation(fastify: FastifyInstance): void {
  fastify.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies : texts).compile(schema));
}
