/**
 * Open (draft) quarters are for the people who enter them. Viewers and anonymous readers see final
 * quarters only, in every route; administrators and consultants see drafts.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client } from '../helper.ts';

let app: FastifyInstance;
let admin: Client;
let consultant: Client;
let viewer: Client;
/** The same reads as a caller without a session, on an installation that publishes (ANONYMOUS_READ=1). */
let anonymous: Pick<Client, 'inject'>;

beforeAll(async () => {
  ({ app } = await buildTestApp({ anonymousRead: 'on' }));
  [admin, consultant, viewer] = await Promise.all([loginAs(app, 'admin'), loginAs(app, 'consultant'), loginAs(app, 'viewer')]);
  anonymous = { inject: (method, url) => app.inject({ method, url }) };
  expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201); // 2019K1, a draft
  // An old quarter reopened for a correction is a draft again, in the middle of the series.
  expect((await admin.inject('POST', '/api/quarters/2017K2/reopen', { reason: 'rettelse' })).statusCode).toBe(200);
});

describe.each(['viewer', 'anonymous'] as const)('a %s', (who) => {
  const caller = () => (who === 'viewer' ? viewer : anonymous);
  const get = async (url: string) => caller().inject('GET', url);

  it('sees only final quarters in the quarter list, the matrix, the trends and the history', async () => {
    const quarters = (await get('/api/quarters')).json().map((q: { code: string }) => q.code);
    expect(quarters).not.toContain('2019K1');
    expect(quarters).not.toContain('2017K2');
    expect(quarters).toContain('2018K4');
    expect((await get('/api/statuses')).json().quarters).toEqual(quarters);
    expect((await get('/api/trends')).json().map((t: { quarter: string }) => t.quarter)).toEqual(quarters);
    const history = (await get('/api/municipalities/0101/history')).json();
    expect(history.quarters.map((q: { quarter: string }) => q.quarter)).toEqual(quarters);
    expect((await get('/api/meta')).json().defaultQuarter).toBe('2018K4');
  });

  it('gets 404 for a draft quarter in every route that names one', async () => {
    for (const url of [
      '/api/quarters/2019K1/statuses',
      '/api/quarters/2017K2/statuses',
      '/api/summary?quarter=2019K1',
      '/api/statuses?to=2019K1',
      '/api/priorities?quarter=2019K1',
      '/api/quarters/2019K1/recruitment',
      '/api/activities?quarter=2019K1',
      '/api/exports/statuses.csv?to=2019K1',
      '/api/exports/statuses.xlsx?from=2017K2',
    ]) {
      const answer = await get(url);
      expect([url, answer.statusCode]).toEqual([url, 404]);
      expect(answer.json().message).toMatch(/is a draft/);
    }
  });

  it('gets the newest final quarter by default, and exports without drafts', async () => {
    expect((await get('/api/summary')).json().quarter).toBe('2018K4');
    const csv = (await get('/api/exports/statuses.csv')).body;
    expect(csv).not.toMatch(/^2019K1;/m);
    expect(csv).not.toMatch(/^2017K2;/m);
    expect(csv).toMatch(/^2018K4;/m);
  });
});

describe('administrators and consultants', () => {
  it.each([
    ['an administrator', () => admin],
    ['a consultant', () => consultant],
  ])('%s sees the drafts', async (_, who) => {
    const quarters = (await who().inject('GET', '/api/quarters')).json().map((q: { code: string }) => q.code);
    expect(quarters).toContain('2019K1');
    expect(quarters).toContain('2017K2');
    expect((await who().inject('GET', '/api/quarters/2019K1/statuses')).statusCode).toBe(200);
    expect((await who().inject('GET', '/api/statuses')).json().quarters).toContain('2019K1');
    expect((await who().inject('GET', '/api/exports/statuses.csv?from=2019K1')).statusCode).toBe(200);
  });
});

it('keeps readers apart from editors in the answer cache', async () => {
  // The editor's answer (with drafts) is cached first; the viewer must still get their own.
  expect((await admin.inject('GET', '/api/trends')).json().map((t: { quarter: string }) => t.quarter)).toContain('2019K1');
  expect((await viewer.inject('GET', '/api/trends')).json().map((t: { quarter: string }) => t.quarter)).not.toContain('2019K1');
});
