/**
 * Login limits count failed attempts only and live in the database: per address 10 failures in
 * 15 minutes; per account a growing delay that never becomes a lock, which administrators clear.
 */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { accountDelayMs, ACCOUNT_DELAY, MAX_KEPT_FAILURES, recordLoginFailure } from '../../db/writes/login-failures.ts';
import { buildTestApp, loginAs, TEST_PASSWORD } from '../helper.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>['app'];
const login = (app: App, email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('counting', () => {
  it('counts failed attempts only: a busy office logging in many times is never limited', async () => {
    const { app } = await buildTestApp();
    await loginAs(app, 'viewer');
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await login(app, 'viewer@vv.test', TEST_PASSWORD)).statusCode);
    expect(statuses.every((s) => s === 200)).toBe(true);
    await app.close();
  });

  it('keeps the per-address count across a restart', async () => {
    const first = await buildTestApp();
    for (let i = 0; i < 10; i++) expect((await login(first.app, `nobody${i}@vv.test`, 'wrong')).statusCode).toBe(401);
    await first.app.close();
    const again = await buildTestApp({ databasePath: first.databasePath });
    expect((await login(again.app, 'nobody@vv.test', 'wrong')).statusCode).toBe(429);
    await again.app.close();
  });
});

describe('the per-account delay', () => {
  it('lets the first five failures pass, then makes each attempt wait, the right password too', async () => {
    const { app } = await buildTestApp();
    await loginAs(app, 'viewer');
    for (let i = 0; i < ACCOUNT_DELAY.freeFailures; i++) expect((await login(app, 'viewer@vv.test', `guess ${i}`)).statusCode).toBe(401);
    const delayed = await login(app, 'viewer@vv.test', TEST_PASSWORD);
    expect(delayed.statusCode).toBe(429);
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(delayed.json().message).toMatch(/^too many attempts; try again in \d+ seconds?$/);
    // Another account from the same address is not held up.
    await loginAs(app, 'admin');
    await app.close();
  });

  it('grows with every failure but stops at five minutes: it never locks an account', () => {
    const waits = [4, 5, 6, 7, 10, 20, 1000].map(accountDelayMs);
    expect(waits.slice(0, 4)).toEqual([0, 1000, 2000, 4000]);
    expect(waits[4]).toBeGreaterThan(waits[3]);
    expect(Math.max(...waits)).toBe(5 * 60 * 1000);
  });

  it('is cleared by an administrator, and by the next successful login', async () => {
    const { app, databasePath } = await buildTestApp();
    const admin = await loginAs(app, 'admin');
    const viewer = await loginAs(app, 'viewer');
    for (let i = 0; i < 12; i++) recordLoginFailure(app.database.db, `10.0.0.${i}`, 'viewer@vv.test');
    expect((await login(app, 'viewer@vv.test', TEST_PASSWORD)).statusCode).toBe(429);
    const listed = (await admin.inject('GET', '/api/users')).json().find((u: { id: number }) => u.id === viewer.user.id);
    expect(listed.failedLogins).toBe(12);
    expect(listed.loginDelayedUntil).not.toBeNull();
    expect((await viewer.inject('DELETE', `/api/users/${admin.user.id}/login-failures`)).statusCode).toBe(403);
    expect((await admin.inject('DELETE', `/api/users/${viewer.user.id}/login-failures`)).statusCode).toBe(204);
    expect((await login(app, 'viewer@vv.test', TEST_PASSWORD)).statusCode).toBe(200);
    const sqlite = new Sqlite(databasePath, { readonly: true });
    expect(sqlite.prepare("SELECT count(*) FROM login_failures WHERE email = 'viewer@vv.test'").pluck().get()).toBe(0);
    sqlite.close();
    await app.close();
  });
});

describe('old attempts', () => {
  it('are bounded in number, however many addresses an attacker uses', async () => {
    const { app, databasePath } = await buildTestApp();
    const insert = app.database.sqlite.prepare('INSERT INTO login_failures (at, address, email) VALUES (?, ?, ?)');
    const at = new Date().toISOString();
    app.database.sqlite.transaction(() => {
      for (let i = 0; i < MAX_KEPT_FAILURES + 10; i++) insert.run(at, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, `x${i}@vv.test`);
    })();
    recordLoginFailure(app.database.db, '192.0.2.1', 'last@vv.test');
    const sqlite = new Sqlite(databasePath, { readonly: true });
    expect(sqlite.prepare('SELECT count(*) FROM login_failures').pluck().get()).toBe(MAX_KEPT_FAILURES);
    expect(sqlite.prepare("SELECT count(*) FROM login_failures WHERE email = 'last@vv.test'").pluck().get()).toBe(1);
    sqlite.close();
    await app.close();
  });

  it('are purged when the server starts (and hourly after)', async () => {
    const { app, databasePath } = await buildTestApp();
    const longAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    recordLoginFailure(app.database.db, '10.0.0.1', 'old@vv.test', longAgo);
    recordLoginFailure(app.database.db, '10.0.0.1', 'recent@vv.test');
    await app.close();
    const again = await buildTestApp({ databasePath });
    const sqlite = new Sqlite(databasePath, { readonly: true });
    expect(sqlite.prepare('SELECT email FROM login_failures').pluck().all()).toEqual(['recent@vv.test']);
    sqlite.close();
    await again.app.close();
  });
});
