import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, TEST_PASSWORD } from '../../../helper.ts';

let app: FastifyInstance;
beforeEach(async () => {
  ({ app } = await buildTestApp({ anonymousRead: 'off' }));
});
afterEach(() => app.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

describe('logging in', () => {
  it('sets an httpOnly, SameSite session cookie and answers the user and a CSRF token', async () => {
    await loginAs(app, 'viewer');
    const answer = await login('VIEWER@vv.test', TEST_PASSWORD);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ user: { email: 'viewer@vv.test', role: 'viewer' }, csrfToken: expect.any(String) });
    expect(answer.json().user.passwordHash).toBeUndefined();
    const cookie = answer.cookies.find((c) => c.name === 'vv_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
  });

  it('marks the cookie Secure when served over https behind a trusted proxy', async () => {
    const proxied = await buildTestApp({ trustProxy: 1 });
    await loginAs(proxied.app, 'viewer');
    const answer = await proxied.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'viewer@vv.test', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(answer.cookies.find((c) => c.name === 'vv_session')!.secure).toBe(true);
    await proxied.app.close();
  });

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    await loginAs(app, 'viewer');
    const wrong = await login('viewer@vv.test', 'not the password');
    const unknown = await login('nobody@vv.test', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.cookies).toEqual([]);
  });

  it('answers 429 after ten attempts from one address', async () => {
    const statuses: number[] = [];
    // A different account each time: the per-account delay stays out of the way.
    for (let i = 0; i < 12; i++) statuses.push((await login(`someone${i}@vv.test`, `guess ${i}`)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await login('someone@vv.test', 'guess');
    expect(limited.json().message).toBe('too many attempts; try again in 15 minutes');
  });

  it('refuses a login posted from another site', async () => {
    await loginAs(app, 'viewer');
    const answer = await login('viewer@vv.test', TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(answer.statusCode).toBe(403);
  });

  it('validates the body, naming the field', async () => {
    const answer = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.dk' } });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toBe('body.password: is required');
  });
});

describe('the session', () => {
  it('opens reading for every role and ends at logout', async () => {
    const viewer = await loginAs(app, 'viewer');
    expect((await app.inject('/api/quarters')).statusCode).toBe(401);
    expect((await viewer.inject('GET', '/api/quarters')).statusCode).toBe(200);
    expect((await viewer.inject('GET', '/api/auth/session')).json()).toMatchObject({ user: { role: 'viewer' }, csrfToken: viewer.csrfToken });
    expect((await viewer.inject('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await viewer.inject('GET', '/api/quarters')).statusCode).toBe(401);
  });

  it('ends when the account is disabled or its role changes', async () => {
    const admin = await loginAs(app, 'admin');
    const consultant = await loginAs(app, 'consultant');
    await admin.inject('PATCH', `/api/users/${consultant.user.id}`, { disabled: true });
    expect((await consultant.inject('GET', '/api/quarters')).statusCode).toBe(401);
    expect((await login('consultant@vv.test', TEST_PASSWORD)).statusCode).toBe(401);
    await admin.inject('PATCH', `/api/users/${consultant.user.id}`, { disabled: false, role: 'viewer' });
    const again = await loginAs(app, 'viewer', 'consultant@vv.test');
    expect(again.user.role).toBe('viewer');
  });

  it('is stored only as a hash of the cookie token', async () => {
    const viewer = await loginAs(app, 'viewer');
    const token = viewer.cookie.split('=')[1];
    const stored = app.database.sqlite.prepare('SELECT token_hash FROM sessions').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(token);
    expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('changing your own password', () => {
  it('needs the current password and at least 10 characters, and ends other sessions', async () => {
    const first = await loginAs(app, 'consultant');
    const second = await loginAs(app, 'consultant');
    const wrong = await first.inject('POST', '/api/auth/password', { currentPassword: 'nope', newPassword: 'a much better password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/^currentPassword/);
    const short = await first.inject('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.json().message).toMatch(/^newPassword: must be at least 10 characters/);
    const changed = await first.inject('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a much better password' });
    expect(changed.statusCode).toBe(204);
    expect((await first.inject('GET', '/api/quarters')).statusCode).toBe(200);
    expect((await second.inject('GET', '/api/quarters')).statusCode).toBe(401);
    expect((await login('consultant@vv.test', 'a much better password')).statusCode).toBe(200);
  });
});
