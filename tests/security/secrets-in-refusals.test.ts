/**
 * Issue #9, "Secrets and hostile values in error answers": a refusal names the field and the rule,
 * never repeats a secret (in the answer or the log), and quotes any other value briefly.
 */
import { Ajv } from 'ajv';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSchemaErrors } from '../../server/http/schema-errors.ts';
import { buildLoggingApp, loginAs, type Client } from '../helper.ts';

const SECRET = 'Tr0ub4dor&3-never-repeat-me';
const log: string[] = [];
let app: FastifyInstance;
let admin: Client;

beforeAll(async () => {
  app = await buildLoggingApp(log);
  admin = await loginAs(app, 'admin');
});
afterAll(() => app.close());

/** Sends a request; the answer and every log line it wrote must not hold `secret`. */
async function expectNotRepeated(secret: string, send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  const from = log.length;
  const answer = await send();
  expect(answer.statusCode, answer.body).toBe(400);
  expect(answer.body).not.toContain(secret);
  expect(log.slice(from).join('')).not.toContain(secret);
  return answer;
}

const asAdmin = (method: 'POST' | 'PATCH', url: string, payload: unknown, headers: Record<string, string> = {}) => () =>
  app.inject({ method, url, payload: payload as object, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...headers } });

describe('a rejected password', () => {
  const tooLong = `${SECRET}${'x'.repeat(200)}`;

  it.each([
    ['too long at login', () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@vv.test', password: tooLong } }), 'body.password: must NOT have more than 200 characters'],
    ['of the wrong type at login', () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@vv.test', password: [SECRET] } }), 'body.password: must be string'],
    ['as a new account’s password', asAdmin('POST', '/api/users', { email: 'new@vv.test', name: 'New', role: 'viewer', password: tooLong }), 'body.password: must NOT have more than 200 characters'],
    ['as a reset password', asAdmin('POST', '/api/users/1/password', { password: tooLong }), 'body.password: must NOT have more than 200 characters'],
    ['as the current and the new password', asAdmin('POST', '/api/auth/password', { currentPassword: tooLong, newPassword: tooLong }), 'body.currentPassword: must NOT have more than 200 characters'],
  ])('%s is named, not repeated, in the answer and the log', async (_, send, named) => {
    const answer = await expectNotRepeated(SECRET, send);
    expect(answer.json().message).toContain(named);
  });

  it('is not repeated in Danish either', async () => {
    const answer = await expectNotRepeated(SECRET, () =>
      app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'da' }, payload: { email: 'a@vv.test', password: tooLong } }),
    );
    expect(answer.json().message).toBe('adgangskode: må højst være 200 tegn');
  });

  it('is not repeated when the login form is sent as text/plain', async () => {
    const answer = await expectNotRepeated(SECRET, () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify({ email: 'a@vv.test', password: SECRET }),
      }),
    );
    expect(answer.json().message).toBe('body: must be object');
  });

  it('is not repeated when the login form is not valid JSON', async () => {
    await expectNotRepeated(SECRET, () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: `{"email":"a@vv.test","password":"${SECRET}"!}`,
      }),
    );
  });
});

describe('formatSchemaErrors', () => {
  const ajv = new Ajv({ allErrors: true, verbose: true });
  const refusal = (schema: object, data: unknown) => {
    const validate = ajv.compile(schema);
    expect(validate(data)).toBe(false);
    return formatSchemaErrors(validate.errors as FastifySchemaValidationError[], 'body').message;
  };

  it.each(['apiToken', 'resetToken', 'clientSecret', 'oldPassword', 'PASSWORD'])('never quotes a field called %s', (name) => {
    const message = refusal({ type: 'object', properties: { [name]: { type: 'string', maxLength: 5 } } }, { [name]: SECRET });
    expect(message).toBe(`body.${name}: must NOT have more than 5 characters`);
  });

  it('quotes at most the first 80 characters of any other value', () => {
    const value = '0123456789'.repeat(30);
    const message = refusal({ type: 'object', properties: { name: { type: 'string', maxLength: 120 } } }, { name: value });
    expect(message).toBe(`body.name: must NOT have more than 120 characters; got "${value.slice(0, 80)}…"`);
  });

  it('never quotes an object or a whole body', () => {
    expect(refusal({ type: 'object', properties: { note: { type: 'string' } } }, { note: { text: SECRET } })).toBe('body.note: must be string');
    expect(refusal({ type: 'object' }, SECRET)).toBe('body: must be object');
  });

  it('writes invisible direction marks in a quoted value as escapes', () => {
    const message = refusal({ type: 'object', properties: { name: { type: 'string', maxLength: 3 } } }, { name: 'abc\u202Edef' });
    expect(message).toBe('body.name: must NOT have more than 3 characters; got "abc\\u202edef"');
  });
});

describe('a refusal of a large body', () => {
  it('is bounded, however many rows are wrong', async () => {
    const rows = Array.from({ length: 20_000 }, () => ({ code: '0101', category: 1, version: 0, note: 1 }));
    const answer = await admin.inject('PUT', '/api/quarters/2018K4/statuses', { rows });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toMatch(/^body\.rows: must NOT have more than 500 items; body\.rows\.0\.note: is not one of the allowed values; got 1; /);
    expect(answer.json().message.length).toBeLessThanOrEqual(2001);
    expect(answer.body.length).toBeLessThan(3000);
  });
});
