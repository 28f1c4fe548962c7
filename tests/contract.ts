/**
 * Every answer the API tests receive is checked against the schema its route documents in OpenAPI
 * (issue #13): Fastify only uses response schemas to serialise objects, and the cached dashboard
 * routes send ready-made JSON text, so without this check a drifting answer would go unnoticed.
 * A mismatch is recorded and fails the test that caused it (tests/helper.ts).
 */
import { gunzipSync } from 'node:zlib';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '../server/schemas/error.ts';

// ajv-formats is CommonJS with a default export that ESM sees one level down.
const addFormats = ((addFormatsImport as unknown as { default?: typeof addFormatsImport }).default ?? addFormatsImport) as typeof addFormatsImport;

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
ajv.addFormat('single-line', true).addFormat('multi-line', true);
ajv.addSchema(ErrorResponse, 'ErrorResponse');
const compiled = new WeakMap<object, ValidateFunction>();

/** Answers that did not match their schema since the last take. */
const violations: string[] = [];

export function takeContractViolations(): string[] {
  return violations.splice(0);
}

export function checkAnswersAgainstSchemas(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const schema = (request.routeOptions.schema?.response as Record<string, object> | undefined)?.[reply.statusCode];
    const type = String(reply.getHeader('content-type') ?? '');
    if (!schema || !type.startsWith('application/json') || payload === null || payload === undefined) return payload;
    const bytes = typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
    if (!bytes || bytes.length === 0) return payload;
    const text = (reply.getHeader('content-encoding') === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
    if (!validate(JSON.parse(text))) {
      violations.push(`${request.method} ${request.url} → ${reply.statusCode}: ${ajv.errorsText(validate.errors)}`);
    }
    return payload;
  });
}
