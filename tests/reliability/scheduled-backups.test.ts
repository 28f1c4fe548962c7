/**
 * Backups made by the server itself (BACKUP_INTERVAL_HOURS > 0), and the start-up errors for the
 * backup settings.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../../bench/server-process.ts';
import { backupDatabase } from '../../db/backup/backup.ts';
import { checkDatabaseFile } from '../../db/backup/check.ts';
import { listBackups } from '../../db/backup/files.ts';
import { scheduleBackups } from '../../db/backup/schedule.ts';
import { openDatabase } from '../../db/client.ts';
import { tempDir } from '../helper.ts';
import { expectOneLineStop, startFails } from '../scripts/start-fails.ts';
import { waitFor } from '../wait-for.ts';

const silent = { info: () => {}, error: () => {} };

describe('scheduleBackups', () => {
  it('waits one interval after the newest backup in the folder, so a restart does not back up again at once', async () => {
    const folder = tempDir();
    const databasePath = join(folder, 'vv-monitor.sqlite');
    const dir = join(folder, 'backups');
    const database = openDatabase(databasePath);
    try {
      await backupDatabase(database.sqlite, { databasePath, dir });
      const hourly = scheduleBackups({ sqlite: database.sqlite, databasePath, dir, intervalMs: 3_600_000, keep: 5, log: silent });
      // Letting time pass is the test: nothing may be backed up in it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await hourly.stop();
      expect(listBackups(dir, databasePath)).toHaveLength(1);

      // Four written besides the first, so keeping three has removed some.
      let written = 0;
      const counting = { ...silent, info: (_details: object, message: string) => void (message === 'backup written' && written++) };
      const frequent = scheduleBackups({ sqlite: database.sqlite, databasePath, dir, intervalMs: 150, keep: 3, log: counting });
      await waitFor(() => written >= 4, { what: 'four scheduled backups' });
      await frequent.stop();
      const kept = listBackups(dir, databasePath);
      expect(kept).toHaveLength(3);
      for (const file of kept) expect(checkDatabaseFile(file).pending).toBe(0);
    } finally {
      database.close();
    }
  });
});

describe('the server with BACKUP_INTERVAL_HOURS set', () => {
  it('backs up at start and then every interval, keeps BACKUP_KEEP, logs each, and still exits 0', async () => {
    const folder = tempDir();
    const dir = join(folder, 'backups');
    const server = await startServerProcess({
      // 0.0003 hours ≈ 1 s.
      env: { DATABASE_PATH: join(folder, 'vv-monitor.sqlite'), BACKUP_DIR: dir, BACKUP_INTERVAL_HOURS: '0.0003', BACKUP_KEEP: '2', LOG_LEVEL: 'info' },
      logFile: join(folder, 'server.log'),
    });
    const written = () => (server.log().match(/"msg":"backup written"/g) ?? []).length;
    // A miss is reported by the assertion below, once the server has been stopped.
    await waitFor(() => written() >= 3, { timeoutMs: 15_000, intervalMs: 100 }).catch(() => {});
    expect((await server.stop()).code).toBe(0);
    expect(written()).toBeGreaterThanOrEqual(3);
    const files = readdirSync(dir).filter((name) => name.endsWith('.sqlite'));
    expect(files).toHaveLength(2);
    for (const file of files) expect(() => checkDatabaseFile(join(dir, file))).not.toThrow();
  }, 30_000);
});

describe('start-up with bad backup settings', () => {
  it.each([
    [{ BACKUP_INTERVAL_HOURS: 'daily' }, /^VV Monitor cannot start: BACKUP_INTERVAL_HOURS must be a number of hours/],
    [{ BACKUP_KEEP: '0' }, /^VV Monitor cannot start: BACKUP_KEEP must be a whole number of backups from 1/],
  ])('stops on %j with one line naming the variable', async (env, message) => {
    expectOneLineStop(await startFails({ DATABASE_PATH: join(tempDir(), 'vv.sqlite'), ...env }), message);
  });

  it('stops when scheduled backups cannot be written to BACKUP_DIR', async () => {
    const folder = tempDir();
    const blocker = join(folder, 'not-a-folder');
    writeFileSync(blocker, '');
    const { code, stderr } = await startFails({ DATABASE_PATH: join(folder, 'vv.sqlite'), BACKUP_DIR: join(blocker, 'backups'), BACKUP_INTERVAL_HOURS: '24' });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^VV Monitor cannot start: BACKUP_DIR .*not-a-folder\/backups cannot be used for backups: /);
  });

  it('stops when DATABASE_PATH names a folder', async () => {
    const { code, stderr } = await startFails({ DATABASE_PATH: tempDir() });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^VV Monitor cannot start: Cannot (open|write to) the database /);
  });
});
