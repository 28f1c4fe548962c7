/**
 * Sessions end after 8 idle hours and, however active, 7 days after login; ended ones are purged;
 * the cookie's Max-Age follows the session as it is extended.
 */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../helper.ts';

const DAY = 24 * 60 * 60 * 1000;

function setSession(path: string, values: { createdAt?: string; lastSeenAt?: string; expiresAt?: string }) {
  const sqlite = new Sqlite(path);
  try {
    for (const [column, value] of Object.entries(values)) {
      const name = column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      sqlite.prepare(`UPDATE sessions SET ${name} = ?`).run(value);
    }
  } finally {
    sqlite.close();
  }
}

describe('a session', () => {
  it('ends 7 days after login however active it has been', async () => {
    const { app, databasePath } = await buildTestApp({ anonymousRead: 'off' });
    const viewer = await loginAs(app, 'viewer');
    const now = Date.now();
    // Logged in 7 days ago and busy ever since: the idle expiry alone would keep it going.
    setSession(databasePath, {
      createdAt: new Date(now - 7 * DAY - 1000).toISOString(),
      lastSeenAt: new Date(now - 2 * 60 * 1000).toISOString(),
      expiresAt: new Date(now + 6 * 60 * 60 * 1000).toISOString(),
    });
    expect((await viewer.inject('GET', '/api/quarters')).statusCode).toBe(401);
    await app.close();
  });

  it('is extended while in use, never past 7 days, and the cookie says so', async () => {
    const { app, databasePath } = await buildTestApp({ anonymousRead: 'off' });
    const viewer = await loginAs(app, 'viewer');
    const now = Date.now();
    setSession(databasePath, {
      createdAt: new Date(now - 7 * DAY + 60 * 60 * 1000).toISOString(),
      lastSeenAt: new Date(now - 5 * 60 * 1000).toISOString(),
      expiresAt: new Date(now + 60 * 60 * 1000).toISOString(),
    });
    const answer = await viewer.inject('GET', '/api/quarters');
    expect(answer.statusCode).toBe(200);
    const cookie = answer.cookies.find((c) => c.name === 'vv_session');
    expect(cookie).toBeDefined();
    // One hour of the 7 days is left: the cookie lives that long, not another 8 hours.
    expect(cookie!.maxAge).toBeGreaterThan(55 * 60);
    expect(cookie!.maxAge).toBeLessThanOrEqual(60 * 60);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    await app.close();
  });

  it('that has ended is deleted when the server starts', async () => {
    const { app, databasePath } = await buildTestApp();
    await loginAs(app, 'viewer');
    await loginAs(app, 'admin');
    setSession(databasePath, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    await app.close();
    const again = await buildTestApp({ databasePath });
    const sqlite = new Sqlite(databasePath, { readonly: true });
    expect(sqlite.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
    sqlite.close();
    await again.app.close();
  });
});
