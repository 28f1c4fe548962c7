/**
 * Demo versus real data. `ANONYMOUS_READ=auto` lets anyone read only the invented demo dataset, and
 * only until the first account exists; a database that holds real use is never filled with demo
 * data (`npm run db:new`, which starts real use, is tested in tests/scripts/db-new.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../db/writes/actor.ts';
import { createUser } from '../../db/writes/users.ts';
import { hashPassword } from '../../server/access/passwords.ts';
import { buildTestApp, quarterCount } from '../helper.ts';

describe('anonymous read in auto mode', () => {
  it('ends with the first account, without a restart', async () => {
    const { app } = await buildTestApp();
    expect((await app.inject('/api/quarters/2018K4/statuses')).statusCode).toBe(200);
    expect((await app.inject('/api/auth/session')).json()).toMatchObject({ anonymousRead: true, firstAccountNeeded: true });
    // As `npm run user:create` does it: straight into the database, not through this app.
    createUser(app.database.db, { email: 'anne@rodekors.dk', name: 'Anne Hansen', role: 'admin', passwordHash: await hashPassword('a long password') }, SYSTEM_ACTOR);
    expect((await app.inject('/api/quarters/2018K4/statuses')).statusCode).toBe(401);
    expect((await app.inject('/api/areas')).statusCode).toBe(401);
    expect((await app.inject('/api/auth/session')).json()).toMatchObject({ anonymousRead: false, firstAccountNeeded: false });
    await app.close();
  });

  it('never holds for a live database, with or without accounts', async () => {
    const { app } = await buildTestApp({ demoData: 'off' });
    expect((await app.inject('/api/quarters')).statusCode).toBe(401);
    expect((await app.inject('/api/meta')).statusCode).toBe(401);
    await app.close();
  });
});

describe('demo data', () => {
  it('never fills a live database, even one with no quarters yet', async () => {
    const live = await buildTestApp({ demoData: 'off' });
    createUser(live.app.database.db, { email: 'anne@rodekors.dk', name: 'Anne Hansen', role: 'admin', passwordHash: await hashPassword('a long password') }, SYSTEM_ACTOR);
    await live.app.close();
    // Started again with the default (demo data on): the empty live database stays empty and live.
    const again = await buildTestApp({ databasePath: live.databasePath });
    expect(quarterCount(live.databasePath)).toBe(0);
    expect(again.app.repository.meta.read('editor').dataset).toBe('live');
    await again.app.close();
  });

  it('never fills an existing empty database that has no accounts either', async () => {
    const live = await buildTestApp({ demoData: 'off' });
    await live.app.close();
    const again = await buildTestApp({ databasePath: live.databasePath });
    expect(quarterCount(live.databasePath)).toBe(0);
    expect((await again.app.inject('/api/quarters')).statusCode).toBe(401);
    await again.app.close();
  });
});
