/**
 * Demo versus real data. `ANONYMOUS_READ=auto` lets anyone read only the invented demo dataset, and
 * only until the first account exists; a database that holds real use is never filled with demo
 * data; `npm run db:new` starts real use and keeps the demo aside.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, startServerProcess } from '../../bench/server-process.ts';
import { SYSTEM_ACTOR } from '../../db/writes/actor.ts';
import { createUser } from '../../db/writes/users.ts';
import { hashPassword } from '../../server/access/passwords.ts';
import { buildTestApp, tempDir } from '../helper.ts';

const quarterCount = (path: string) => {
  const sqlite = new Sqlite(path, { readonly: true });
  try {
    return sqlite.prepare('SELECT count(*) FROM quarters').pluck().get() as number;
  } finally {
    sqlite.close();
  }
};

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

function dbNew(env: Record<string, string>, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/db-new.ts', ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run db:new', () => {
  it('keeps the demo as a backup and starts an empty live database that needs a login', async () => {
    const { app, databasePath } = await buildTestApp();
    await app.close();
    const backupDir = join(tempDir(), 'backups');
    const answer = await dbNew({ DATABASE_PATH: databasePath, BACKUP_DIR: backupDir });
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.stdout).toMatch(/npm run user:create/);
    const [kept] = readdirSync(backupDir);
    expect(kept).toMatch(/^vv-monitor-before-new-.*\.sqlite$/);
    expect(quarterCount(join(backupDir, kept))).toBe(11);
    expect(quarterCount(databasePath)).toBe(0);
    const fresh = await buildTestApp({ databasePath });
    expect(fresh.app.repository.meta.read('editor').dataset).toBe('live');
    expect((await fresh.app.inject('/api/quarters')).statusCode).toBe(401);
    await fresh.app.close();
  }, 30_000);

  it('refuses while the server has the database open, changing nothing', async () => {
    const folder = tempDir();
    const env = { DATABASE_PATH: join(folder, 'vv-monitor.sqlite'), BACKUP_DIR: join(folder, 'backups') };
    const server = await startServerProcess({ env: { ...env, LOG_LEVEL: 'warn' }, logFile: join(folder, 'server.log') });
    try {
      const answer = await dbNew(env);
      expect(answer.code).toBe(1);
      expect(answer.stderr.trim()).toMatch(/^db:new: .*is in use: is VV Monitor running\?/);
      expect(existsSync(join(folder, 'backups')) ? readdirSync(join(folder, 'backups')).filter((f) => f.endsWith('.sqlite')) : []).toEqual([]);
      expect((await fetch(`${server.baseUrl}/api/quarters`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
