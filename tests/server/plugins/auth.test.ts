import { describe, expect, it } from 'vitest';
import { buildTestApp, databaseFingerprint } from '../../helper.ts';
import { useDemoApp } from '../../demo-app.ts';

describe('who may write', () => {
  // København and its neighbours, which these tests edit, are in Hovedstaden.
  const demo = useDemoApp({ logins: ['admin', 'consultant', 'viewer'], consultantAreas: ['Hovedstaden'] });


  describe('roles', () => {
    const writes: [string, 'POST' | 'PUT', string, unknown, ('admin' | 'consultant')[]][] = [
      ['open next quarter', 'POST', '/api/quarters', undefined, ['admin']],
      ['set one status', 'PUT', '/api/quarters/2018K4/statuses/0101', { category: 1, version: 1 }, ['admin', 'consultant']],
      ['set many statuses', 'PUT', '/api/quarters/2018K4/statuses', { rows: [{ code: '0101', category: 1, version: 1 }] }, ['admin', 'consultant']],
      ['finalise', 'POST', '/api/quarters/2018K4/finalise', undefined, ['admin']],
      ['reopen', 'POST', '/api/quarters/2018K4/reopen', { reason: 'test' }, ['admin']],
      ['register agreement', 'POST', '/api/agreements', { municipalityCode: '0101', organisation: 'RK', signedOn: '2030-01-01' }, ['admin', 'consultant']],
      // Agreement 11 of the demo is København's, in the consultant's area.
      ['edit agreement', 'PATCH', '/api/agreements/11', { note: 'x' }, ['admin', 'consultant']],
      ['set quotas', 'PUT', '/api/quotas/2019', { rows: [{ code: '0101', quota: 0, zeroQuota: true }] }, ['admin']],
      ['create user', 'POST', '/api/users', { email: 'new@vv.test', name: 'New', role: 'viewer', password: 'long enough password' }, ['admin']],
      ['edit user', 'PATCH', '/api/users/1', { name: 'Renamed' }, ['admin']],
      ['reset password', 'POST', '/api/users/1/password', { password: 'long enough password' }, ['admin']],
    ] as never;

    it.each(writes)('%s: 401 without a session, 403 for the wrong role, and nothing changes', async (_, method, url, payload, allowed) => {
      const before = databaseFingerprint(demo.databasePath);
      const anonymous = await demo.app.inject({ method, url, payload: payload as object });
      expect(anonymous.statusCode).toBe(401);
      for (const client of [demo.admin, demo.consultant, demo.viewer].filter((c) => !allowed.includes(c.user.role as never))) {
        const refused = await client.inject(method, url, payload);
        expect(refused.statusCode, client.user.role).toBe(403);
        expect(refused.json().message).toMatch(new RegExp(`your role \\(${client.user.role}\\) may not do this`));
      }
      expect(databaseFingerprint(demo.databasePath)).toBe(before);
      for (const client of [demo.admin, demo.consultant].filter((c) => allowed.includes(c.user.role as never))) {
        const answer = await client.inject(method, url, payload);
        expect([401, 403], `${client.user.role}: ${answer.body}`).not.toContain(answer.statusCode);
      }
    });

    it('lets every role read the dashboard', async () => {
      for (const client of [demo.admin, demo.consultant, demo.viewer]) {
        expect((await client.inject('GET', '/api/summary?quarter=2018K4')).statusCode).toBe(200);
      }
    });
  });

  describe('cross-site request forgery', () => {
    it('refuses a write without the CSRF token, with a wrong one, or from another origin', async () => {
      await demo.openNext();
      const before = databaseFingerprint(demo.databasePath);
      const payload = { rows: [{ code: '0101', category: 1, version: 1 }] };
      const url = '/api/quarters/2019K1/statuses';
      const attempts = [
        { cookie: demo.admin.cookie },
        { cookie: demo.admin.cookie, 'x-csrf-token': 'guessed' },
        { cookie: demo.admin.cookie, 'x-csrf-token': demo.admin.csrfToken, origin: 'https://evil.example' },
        { cookie: demo.admin.cookie, 'x-csrf-token': demo.admin.csrfToken, 'sec-fetch-site': 'cross-site' },
      ];
      for (const headers of attempts) {
        const answer = await demo.app.inject({ method: 'PUT', url, payload, headers });
        expect(answer.statusCode, JSON.stringify(headers)).toBe(403);
      }
      expect(databaseFingerprint(demo.databasePath)).toBe(before);
      const same = await demo.app.inject({
        method: 'PUT',
        url,
        payload,
        headers: { cookie: demo.admin.cookie, 'x-csrf-token': demo.admin.csrfToken, origin: 'http://localhost:80' },
      });
      expect(same.statusCode).not.toBe(403);
    });
  });
});

describe('who may read', () => {
  describe('anonymous read', () => {
    it('is off for real data by default: reading needs a login', async () => {
      const { app } = await buildTestApp({ demoData: 'off' });
      const answer = await app.inject('/api/quarters');
      expect(answer.statusCode).toBe(401);
      expect(answer.json().message).toBe('log in to see the dashboard');
      expect((await app.inject('/api/health')).statusCode).toBe(200);
      expect((await app.inject('/api/meta')).statusCode).toBe(401);
      expect((await app.inject('/api/auth/session')).json()).toEqual({ user: null, csrfToken: null, anonymousRead: false, firstAccountNeeded: true, mail: false });
      await app.close();
    });

    it('is on by default for the invented demo dataset', async () => {
      const { app } = await buildTestApp();
      expect((await app.inject('/api/quarters')).statusCode).toBe(200);
      await app.close();
    });

    it('can be turned off for the demo and on for real data', async () => {
      const demo = await buildTestApp({ anonymousRead: 'off' });
      expect((await demo.app.inject('/api/quarters')).statusCode).toBe(401);
      await demo.app.close();
      const live = await buildTestApp({ demoData: 'off', anonymousRead: 'on' });
      expect((await live.app.inject('/api/quarters')).statusCode).toBe(200);
      await live.app.close();
    });
  });
});
