/**
 * `npm run db:new` as an operator runs it: it starts real use, keeps the demo aside, and refuses
 * while the server has the database open (issue #9).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, startServerProcess } from '../../bench/server-process.ts';
import { buildTestApp, quarterCount, tempDir } from '../helper.ts';

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
