/**
 * Issue #9, "500s": impossible dates, integers too large for SQLite and bodies nested 100,000
 * deep answered 500 (or, for some dates, were accepted). Each is now a 400 that names the field,
 * and changes nothing.
 */
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../server/http/json-body.ts';
import { databaseFingerprint } from '../helper.ts';
import { useDemoApp } from '../demo-app.ts';

const demo = useDemoApp({ per: 'file', logins: ['admin'] });

function expectRefusal(answer: LightMyRequestResponse, field: string, rule: RegExp): void {
  expect(answer.statusCode, answer.body).toBe(400);
  const { message, field: named } = answer.json();
  expect(named).toBe(field);
  expect(message).toMatch(rule);
}

const DATE_RULE = /must be a date written YYYY-MM-DD/;

describe('the audit log’s query', () => {
  it.each([
    ['to=2019-13-45', 'to', DATE_RULE],
    ['from=2019-02-29', 'from', DATE_RULE],
    ['from=2019-04-31', 'from', DATE_RULE],
    ['offset=99999999999999999999', 'offset', /^offset: must be <= 2147483647/],
    ['limit=99999999999999999999', 'limit', /^limit: must be <= 500/],
    ['user=99999999999999999999', 'user', /^user: must be <= 2147483647/],
  ])('?%s is a 400 naming %s', async (query, field, rule) => {
    expectRefusal(await demo.admin.inject('GET', `/api/audit?${query}`), field, rule);
  });

  it('takes real dates, leap days included, and the largest offset', async () => {
    expect((await demo.admin.inject('GET', '/api/audit?from=2016-02-29&to=2020-02-29')).statusCode).toBe(200);
    expect((await demo.admin.inject('GET', '/api/audit?offset=2147483647')).json().rows).toEqual([]);
  });
});

describe('impossible dates elsewhere', () => {
  it('?activeOn=2019-99-99 is a 400 naming activeOn', async () => {
    expectRefusal(await demo.admin.inject('GET', '/api/agreements?activeOn=2019-99-99'), 'activeOn', DATE_RULE);
  });

  it.each([
    ['POST', '/api/agreements', 'signedOn', { municipalityCode: '0860', organisation: 'RK', signedOn: '2019-02-30' }],
    ['POST', '/api/agreements', 'endedOn', { municipalityCode: '0860', organisation: 'RK', signedOn: '2019-02-01', endedOn: '2019-00-10' }],
    ['PATCH', '/api/agreements/1', 'endedOn', { endedOn: '2019-06-31' }],
    ['POST', '/api/activities', 'happenedOn', { municipalityCode: '0101', kind: 'other', happenedOn: '2018-02-29' }],
  ] as const)('%s %s with an impossible %s is refused and changes nothing', async (method, url, field, payload) => {
    const before = databaseFingerprint(demo.databasePath);
    expectRefusal(await demo.admin.inject(method, url, payload), field, DATE_RULE);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });
});

describe('ids and versions too large for SQLite', () => {
  it.each([
    ['PATCH', '/api/users/99999999999999999999', 'id', { name: 'x' }],
    ['PATCH', '/api/agreements/99999999999999999999', 'id', { note: 'x' }],
    ['PUT', '/api/areas/99999999999999999999', 'id', { name: 'x', municipalityCodes: [], consultantIds: [] }],
  ] as const)('%s %s is a 400 naming %s', async (method, url, field, payload) => {
    expectRefusal(await demo.admin.inject(method, url, payload), field, /must be <= 2147483647/);
  });

  it('an id in a body is refused by its place', async () => {
    const answer = await demo.admin.inject('POST', '/api/areas', { name: 'x', municipalityCodes: [], consultantIds: [1e20] });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toBe('body.consultantIds.0: must be <= 2147483647; got 100000000000000000000');
  });
});

describe('a body nested 100,000 deep', () => {
  const arrays = '['.repeat(100_000) + ']'.repeat(100_000);
  const objects = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  const send = (url: string, payload: string, headers: Record<string, string> = {}) =>
    demo.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });

  it.each([
    ['arrays', arrays],
    ['objects', objects],
  ])('of %s is a 400 at the anonymous login', async (_, payload) => {
    expectRefusal(await send('/api/auth/login', payload), 'body', /^body: nests deeper than 64 levels$/);
  });

  it('is a 400 on a write, which changes nothing', async () => {
    const before = databaseFingerprint(demo.databasePath);
    const answer = await send('/api/agreements', arrays, { cookie: demo.admin.cookie, 'x-csrf-token': demo.admin.csrfToken });
    expectRefusal(answer, 'body', /^body: nests deeper than 64 levels$/);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });

  it('is refused in Danish too', async () => {
    const answer = await send('/api/auth/login', arrays, { 'accept-language': 'da' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toBe('indhold: må højst være 64 niveauer dybt');
  });
});

describe('nestsDeeperThan', () => {
  it('counts arrays and objects inside each other', () => {
    expect(nestsDeeperThan('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan('[{"a":[1]},{"b":[2]},[3]]', 3)).toBe(false);
    expect(nestsDeeperThan('[{"a":[[1]]}]', 3)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ note: '[[[[{{{{' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ note: 'a "quoted" [[[[ \\' }), 1)).toBe(false);
    expect(nestsDeeperThan(`${JSON.stringify({ note: 'a \\"' })}[[`, 1)).toBe(true);
  });
});

it('a note full of brackets is still saved', async () => {
  const answer = await demo.admin.inject('PATCH', '/api/agreements/1', { note: '['.repeat(1000) });
  expect(answer.statusCode, answer.body).toBe(200);
});

it('broken JSON is a 400 naming the body', async () => {
  const answer = await demo.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } });
  expectRefusal(answer, 'body', /^body: is not valid JSON$/);
});
