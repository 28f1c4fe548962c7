import { describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../../helper.ts';
import { useDemoApp } from '../../../demo-app.ts';

const demo = useDemoApp({ per: 'file' });

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
    const { status, body } = await demo.get(url);
    expect(status).toBe(expected);
    expect(body.statusCode).toBe(expected);
    expect(body.message).toMatch(message);
  });

  it('changes nothing in the database', async () => {
    const before = databaseFingerprint(demo.databasePath);
    for (const [url] of cases) await demo.get(url);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });
});

describe('HTTP hygiene', () => {
  it('sends security headers, including a content security policy', async () => {
    const { headers } = await demo.get('/api/health');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('tags every response with a request id', async () => {
    const { headers } = await demo.get('/api/health');
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('documents every API route in OpenAPI at /docs', async () => {
    const body = await demo.read('/docs/json');
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
        '/api/users/{id}/invite',
        '/api/auth/me',
        '/api/auth/forgot',
        '/api/auth/token',
        '/api/auth/token/password',
        '/api/quarters/{quarter}/deadline',
        '/api/quarters/{quarter}/progress',
        '/api/quarters/{quarter}/publish',
        '/api/quarters/{quarter}/withdraw',
        '/api/reminders',
        '/api/published',
        '/api/published/counts.csv',
        '/api/published/{quarter}',
        '/api/published/{quarter}/municipalities.csv',
      ].sort(),
    );
  });
});
