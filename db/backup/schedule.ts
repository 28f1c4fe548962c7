/** Backups made by the server itself, every BACKUP_INTERVAL_HOURS. */
import type Sqlite from 'better-sqlite3';
import { backupDatabase } from './backup.ts';
import { backupTime, listBackups, pruneBackups } from './files.ts';

export interface BackupLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ScheduleOptions {
  sqlite: Sqlite.Database;
  databasePath: string;
  dir: string;
  intervalMs: number;
  keep: number;
  log: BackupLog;
}

/** The longest sleep between checks: timers cannot wait weeks, and the clock may jump. */
const MAX_SLEEP_MS = 60 * 60 * 1000;

/**
 * Backups every `intervalMs` from inside the server, keeping the newest `keep`. The next one is due
 * one interval after the newest backup in the folder, so a server restarted daily still makes its
 * weekly backup; a failure is logged and retried one interval later.
 */
export function scheduleBackups(options: ScheduleOptions): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastAttempt = 0;

  const delay = () => {
    const newest = listBackups(options.dir, options.databasePath).at(-1);
    const last = Math.max(lastAttempt, newest ? backupTime(options.databasePath, newest)!.getTime() : 0);
    return Math.max(0, last + options.intervalMs - Date.now());
  };

  const backUp = async () => {
    lastAttempt = Date.now();
    try {
      // In slices between requests; the server's own writes during the copy reach it as they happen.
      const file = await backupDatabase(options.sqlite, { databasePath: options.databasePath, dir: options.dir, pagesPerStep: 1000 });
      const removed = pruneBackups(options.dir, options.databasePath, options.keep);
      options.log.info({ file, removed: removed.length }, 'backup written');
    } catch (err) {
      options.log.error({ err }, 'scheduled backup failed; trying again after one interval');
    }
  };

  const tick = async () => {
    timer = null;
    if (stopped) return;
    if (delay() === 0) {
      running = backUp();
      await running;
      running = null;
    }
    if (!stopped) timer = setTimeout(tick, Math.min(delay(), MAX_SLEEP_MS)).unref();
  };

  timer = setTimeout(tick, Math.min(delay(), MAX_SLEEP_MS)).unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
