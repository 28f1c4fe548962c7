import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, databaseFingerprint } from '../helper.ts';

let app: FastifyInstance;
let databasePath: string;
beforeAll(async () => {
  ({ app, databasePath } = await buildTestApp());
});
afterAll(() => app.close());

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
};

describe('GET /api/health', () => {
  it('answers ok after reading the database', async () => {
    expect(await get('/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

describe('GET /api/municipalities', () => {
  it('lists the 98 municipalities with their region', async () => {
    const { status, body } = await get('/api/municipalities');
    expect(status).toBe(200);
    expect(body).toHaveLength(98);
    expect(body[0]).toEqual({ code: '0101', name: 'København', regionCode: '1084', regionName: 'Region Hovedstaden' });
    expect(body.find((m: { code: string }) => m.code === '0860').regionName).toBe('Region Nordjylland');
  });
});

describe('GET /api/quarters', () => {
  it('lists every quarter in order with its state and category counts', async () => {
    const { status, body } = await get('/api/quarters');
    expect(status).toBe(200);
    expect(body).toHaveLength(11);
    expect(body[0]).toMatchObject({ code: '2016K2', state: 'final', definitionsVersion: 1 });
    expect(body.at(-1)).toMatchObject({ code: '2018K4', counts: { green: 63, yellow: 32, red: 3, notAssessed: 0 } });
    for (const quarter of body) {
      const { green, yellow, red, notAssessed } = quarter.counts;
      expect(green + yellow + red + notAssessed).toBe(98);
    }
  });
});

describe('GET /api/quarters/:quarter/statuses', () => {
  it('answers 98 rows with category, reason, note, agreements and zero quota', async () => {
    const { status, body } = await get('/api/quarters/2018K4/statuses');
    expect(status).toBe(200);
    expect(body).toHaveLength(98);
    expect(Object.keys(body[0]).sort()).toEqual(
      ['agreements', 'carriedOver', 'category', 'code', 'name', 'note', 'reason', 'reasonText', 'regionCode', 'updatedAt', 'updatedBy', 'version', 'zeroQuota'].sort(),
    );
    const zeroQuota = body.filter((row: { zeroQuota: boolean }) => row.zeroQuota).length;
    expect(zeroQuota).toBe(12);
    const withAgreement = body.filter((row: { agreements: string[] }) => row.agreements.length > 0).length;
    expect(withAgreement).toBe(72);
  });

  it('answers null for municipalities not assessed', async () => {
    const { body } = await get('/api/quarters/2016K2/statuses');
    const missing = body.filter((row: { category: number | null }) => row.category === null);
    expect(missing).toHaveLength(2);
    expect(missing[0]).toMatchObject({ version: 0, updatedBy: null });
  });

  it('accepts 2016Q2 as 2016K2', async () => {
    const canonical = await get('/api/quarters/2016K2/statuses');
    expect(await get('/api/quarters/2016Q2/statuses')).toMatchObject({ status: 200, body: canonical.body });
  });
});

describe('GET /api/summary', () => {
  it('answers exactly the published shape for 2018K4', async () => {
    const { status, body } = await get('/api/summary?quarter=2018K4');
    expect(status).toBe(200);
    expect(body).toEqual({
      quarter: '2018K4',
      counts: { green: 63, yellow: 32, red: 3, notAssessed: 0 },
      municipalitiesWithOffer: 95,
      agreements: { active: 77, municipalitiesWithAgreement: 72, municipalitiesWithBoth: 5 },
      zeroQuota: 12,
    });
  });

  it('counts active agreements at the end of the quarter', async () => {
    expect((await get('/api/summary?quarter=2016K2')).body.agreements.active).toBe(53);
    expect((await get('/api/summary?quarter=2018Q3')).body.agreements.active).toBe(61);
  });

  it('defaults to the newest final quarter', async () => {
    expect((await get('/api/summary')).body.quarter).toBe('2018K4');
  });
});

describe('GET /api/municipalities/:code/history', () => {
  it('answers every quarter, the agreements and the quota years', async () => {
    const { status, body } = await get('/api/municipalities/0101/history');
    expect(status).toBe(200);
    expect(body.municipality).toMatchObject({ code: '0101', name: 'København' });
    expect(body.quarters.map((q: { quarter: string }) => q.quarter)).toHaveLength(11);
    expect(body.quotas.map((q: { year: number }) => q.year)).toEqual([2016, 2017, 2018]);
    expect(Array.isArray(body.agreements)).toBe(true);
  });

  it('accepts the code without its leading zero', async () => {
    const canonical = await get('/api/municipalities/0101/history');
    expect(await get('/api/municipalities/101/history')).toMatchObject({ status: 200, body: canonical.body });
  });

  it('shows a zero-quota year for Albertslund', async () => {
    const { body } = await get('/api/municipalities/0165/history');
    expect(body.quotas.find((q: { year: number }) => q.year === 2016)).toEqual({ year: 2016, quota: 0, zeroQuota: true });
  });
});

describe('GET /api/meta', () => {
  it('labels the dataset as demo and lists definitions and reasons', async () => {
    const { body } = await get('/api/meta');
    expect(body.dataset).toBe('demo');
    expect(body.defaultQuarter).toBe('2018K4');
    expect(body.categoryDefinitions[0].definitions['1'].da).toMatch(/fast forankret/);
    expect(body.reasons.map((r: { code: string }) => r.code)).toContain('too_few_volunteers');
    expect(body.regions).toHaveLength(5);
  });
});

describe('bad input', () => {
  const cases: [string, number, RegExp][] = [
    ['/api/quarters/2016X2/statuses', 400, /^quarter: must be a quarter code/],
    ['/api/quarters/2016K5/statuses', 400, /^quarter: /],
    ['/api/quarters/16K2/statuses', 400, /^quarter: /],
    ['/api/quarters/%20/statuses', 400, /^quarter: /],
    ['/api/quarters/2016K2%27%3B%20DROP%20TABLE%20statuses/statuses', 400, /^quarter: /],
    ['/api/quarters/2030K1/statuses', 404, /^quarter: 2030K1 is not in the database/],
    ['/api/quarters/2016K1/statuses', 404, /^quarter: 2016K1/],
    ['/api/summary?quarter=2016-2', 400, /^quarter: /],
    ['/api/summary?quarter=', 400, /^quarter: /],
    ['/api/summary?quarter=2031Q4', 404, /^quarter: 2031K4/],
    ['/api/municipalities/abc/history', 400, /^code: must be a municipality code/],
    ['/api/municipalities/01011/history', 400, /^code: /],
    ['/api/municipalities/12/history', 400, /^code: /],
    ['/api/municipalities/0411/history', 404, /^code: 0411 is not one of the 98 municipalities/],
    ['/api/municipalities/999/history', 404, /^code: 0999/],
    ['/api/no-such-route', 404, /No API route/],
  ];

  it.each(cases)('GET %s answers %i naming the parameter', async (url, expected, message) => {
    const { status, body } = await get(url);
    expect(status).toBe(expected);
    expect(body.statusCode).toBe(expected);
    expect(body.message).toMatch(message);
  });

  it('changes nothing in the database', async () => {
    const before = databaseFingerprint(databasePath);
    for (const [url] of cases) await get(url);
    expect(databaseFingerprint(databasePath)).toBe(before);
  });
});

describe('HTTP hygiene', () => {
  it('sends security headers, including a content security policy', async () => {
    const { headers } = await get('/api/health');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('tags every response with a request id', async () => {
    const { headers } = await get('/api/health');
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('documents every API route in OpenAPI at /docs', async () => {
    const { status, body } = await get('/docs/json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        '/api/agreements',
        '/api/agreements/{id}',
        '/api/activities',
        '/api/areas',
        '/api/areas/{id}',
        '/api/audit',
        '/api/exports/statuses.csv',
        '/api/exports/statuses.xlsx',
        '/api/imports/commit',
        '/api/imports/preview',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/password',
        '/api/auth/session',
        '/api/health',
        '/api/meta',
        '/api/municipalities',
        '/api/municipalities/{code}/history',
        '/api/quarters',
        '/api/quarters/{quarter}/finalise',
        '/api/quarters/{quarter}/recruitment',
        '/api/quarters/{quarter}/reopen',
        '/api/quarters/{quarter}/statuses',
        '/api/quarters/{quarter}/statuses/{code}',
        '/api/priorities',
        '/api/quotas/{year}',
        '/api/statuses',
        '/api/summary',
        '/api/trends',
        '/api/users',
        '/api/users/{id}',
        '/api/users/{id}/password',
        '/api/users/{id}/pseudonymise',
        '/api/users/{id}/login-failures',
      ].sort(),
    );
  });
});

describe('conditional answers', () => {
  it('answers 304 without a body when the browser already holds the current answer', async () => {
    const first = await app.inject('/api/quarters/2018K4/statuses');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.inject({ url: '/api/quarters/2018K4/statuses', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await app.inject('/api/quarters/2018K3/statuses');
    expect(other.headers.etag).not.toBe(etag);
  });

  it('shows a change at once, while an answer whose content did not change keeps its ETag', async () => {
    const before = (await app.inject('/api/summary?quarter=2018K4')).headers.etag;
    const statusesBefore = (await app.inject('/api/quarters/2018K4/statuses')).headers.etag;
    app.database.sqlite.prepare("UPDATE statuses SET reason = 'other' WHERE quarter_code = '2018K4' AND municipality_code = '0101'").run();
    const after = await app.inject({ url: '/api/summary?quarter=2018K4', headers: { 'if-none-match': before as string } });
    expect(after.statusCode).toBe(304);
    const statuses = await app.inject('/api/quarters/2018K4/statuses');
    expect(statuses.json().find((s: { code: string }) => s.code === '0101').reason).toBe('other');
    expect(statuses.headers.etag).not.toBe(statusesBefore);
  });
});

describe('compression', () => {
  it('gzips a quarter’s statuses for a client that accepts it, to the same JSON', async () => {
    const plain = await app.inject('/api/quarters/2018K4/statuses');
    const zipped = await app.inject({ url: '/api/quarters/2018K4/statuses', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(plain.headers['content-encoding']).toBeUndefined();
  });
});
