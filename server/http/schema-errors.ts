/**
 * What a refusal of the request's form says: Ajv's errors become one sentence per field, naming the
 * field and the rule and quoting the rejected value only briefly (never a secret).
 */
import type { FastifySchemaValidationError, SchemaErrorDataVar } from 'fastify/types/schema.js';
import { cut, MAX_ECHO_CHARS, MAX_MESSAGE_CHARS } from '../errors/limits.ts';
import { formatExplanation } from './validation.ts';

/** Fields whose values are never repeated, neither in an answer nor in the log. */
const SECRET_FIELD = /password|token|secret/i;

/** Invisible characters that JSON.stringify leaves as they are but that could disguise a message. */
const INVISIBLE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * The rejected value as a refusal may quote it, or null: a single value of a named field only,
 * never a secret, a whole body (a login form sent as text is all secret) or an object, and at most
 * MAX_ECHO_CHARS of a text.
 */
function quote(field: string, path: string, value: unknown): string | null {
  if (path === '' || SECRET_FIELD.test(field)) return null;
  if (typeof value === 'string') {
    return JSON.stringify(cut(value, MAX_ECHO_CHARS)).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return null;
}

/**
 * The errors worth a message. A value that fits none of a union's branches gets one message for
 * the union, not one per branch; but when its type fits exactly one branch (a text where "text or
 * null" is allowed), that branch's own errors say better what is wrong.
 *
 * Ajv lists a union's branch errors right before the union's own error, so each union looks back
 * only over its own errors: the work grows with the number of errors, not with its square (a bulk
 * write of 100,000 bad rows has as many unions).
 */
function relevantErrors(errors: FastifySchemaValidationError[]): FastifySchemaValidationError[] {
  const dropped = new Set<FastifySchemaValidationError>();
  errors.forEach((union, index) => {
    if (union.keyword !== 'anyOf' && union.keyword !== 'oneOf') return;
    const inside = (e: FastifySchemaValidationError) =>
      e.schemaPath.startsWith(`${union.schemaPath}/`) && (e.instancePath === union.instancePath || e.instancePath.startsWith(`${union.instancePath}/`));
    const branches = new Map<string, FastifySchemaValidationError[]>();
    for (let i = index - 1; i >= 0 && inside(errors[i]); i--) {
      const branch = errors[i].schemaPath.slice(union.schemaPath.length + 1).split('/')[0];
      const list = branches.get(branch);
      if (list) list.push(errors[i]);
      else branches.set(branch, [errors[i]]);
    }
    const fitting = [...branches].filter(
      ([branch, list]) => !list.some((e) => e.keyword === 'type' && e.schemaPath === `${union.schemaPath}/${branch}/type`),
    );
    const kept = fitting.length === 1 ? fitting[0][0] : null;
    for (const [branch, list] of branches) if (branch !== kept) for (const e of list) dropped.add(e);
    if (kept !== null) dropped.add(union);
  });
  return errors.filter((e) => !dropped.has(e));
}

/**
 * Turns Ajv's errors into one sentence per field, e.g.
 * `quarter: must be a quarter code such as 2016K2 (2016Q2 is also accepted); got "2016X2"`.
 */
export function formatSchemaErrors(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  const messages = relevantErrors(errors).map((error) => {
    const detail = error as FastifySchemaValidationError & { parentSchema?: { description?: string }; data?: unknown };
    const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const field = [dataVar === 'body' ? 'body' : '', path, missing ?? extra ?? '']
      .filter(Boolean)
      .join('.') || dataVar;
    if (missing) return `${field}: is required`;
    if (extra) return `${field}: is not a known field`;
    const format = error.keyword === 'format' ? formatExplanation((error.params as { format: string }).format) : undefined;
    const described = (error.keyword === 'pattern' || error.keyword === 'anyOf' || error.keyword === 'oneOf') && detail.parentSchema?.description;
    const expected =
      format ??
      (described
        ? `must be ${detail.parentSchema!.description}`
        : error.keyword === 'anyOf' || error.keyword === 'oneOf'
          ? 'is not one of the allowed values'
          : error.message);
    const got = quote(field, path, detail.data);
    return `${field}: ${expected}${got === null ? '' : `; got ${got}`}`;
  });
  const error = new Error(cut([...new Set(messages)].join('; '), MAX_MESSAGE_CHARS)) as Error & { statusCode: number };
  error.statusCode = 400;
  return error;
}
