/**
 * Backups of the SQLite file: made with SQLite's online backup (a consistent copy, safe while the
 * server writes), kept under timestamped names, pruned to a retention count, checked before they
 * are trusted, and brought back without leaving a half-replaced database behind.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { MIGRATIONS_FOLDER } from './client.ts';
import makeFolder from './make-folder.ts';

/** A backup that cannot be trusted or restored, said in one line. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** "data/vv-monitor.sqlite" → "vv-monitor": backups of different databases never mix in one folder. */
function stem(databasePath: string): string {
  return basename(databasePath, extname(databasePath));
}

/** 2026-11-26T06:12:00.123Z → 2026-11-26T06-12-00-123Z: sorts by time and is a valid file name everywhere. */
function stamp(now: Date): string {
  return now.toISOString().replaceAll(':', '-').replace('.', '-');
}

const STAMP = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/;

/** When a backup was made, from its name; null for a file that is not one of ours. */
export function backupTime(databasePath: string, file: string): Date | null {
  const name = basename(file);
  if (!name.startsWith(`${stem(databasePath)}-`) || !name.endsWith('.sqlite')) return null;
  const match = STAMP.exec(name.slice(stem(databasePath).length + 1));
  if (!match || name !== `${stem(databasePath)}-${match[0]}.sqlite`) return null;
  return new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
}

/** This database's backups in `dir`, oldest first. Copies kept by a restore are not among them. */
export function listBackups(dir: string, databasePath: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => backupTime(databasePath, name) !== null)
    .sort()
    .map((name) => join(dir, name));
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface BackupOptions {
  databasePath: string;
  dir: string;
  now?: Date;
  /**
   * Pages copied per step. Undefined copies everything in one step, under one read transaction:
   * another process writing meanwhile cannot restart the copy (use this from a separate process).
   * A number lets the server copy in slices between requests; its own writes reach the copy as
   * they happen.
   */
  pagesPerStep?: number;
}

/**
 * Writes a consistent copy of the open database into `dir` as `<name>-<timestamp>.sqlite` and
 * returns its path. The copy is written under a temporary name and renamed when complete, so a
 * crash midway never leaves a file that looks like a backup.
 */
export async function backupDatabase(sqlite: Sqlite.Database, options: BackupOptions): Promise<string> {
  makeFolder(options.dir);
  let at = options.now ?? new Date();
  let target = join(options.dir, `${stem(options.databasePath)}-${stamp(at)}.sqlite`);
  while (existsSync(target)) {
    at = new Date(at.getTime() + 1);
    target = join(options.dir, `${stem(options.databasePath)}-${stamp(at)}.sqlite`);
  }
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await sqlite.backup(partial, { progress: () => options.pagesPerStep ?? 0x7fffffff });
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(options.dir);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`cannot write a backup into ${options.dir}: ${(error as Error).message}`);
  }
  return target;
}

/** Deletes the oldest backups beyond `keep`; returns what it deleted. */
export function pruneBackups(dir: string, databasePath: string, keep: number): string[] {
  const backups = listBackups(dir, databasePath);
  const old = backups.slice(0, Math.max(0, backups.length - keep));
  for (const file of old) rmSync(file, { force: true });
  return old;
}

interface JournalEntry {
  when: number;
  tag: string;
}

function readJournal(): JournalEntry[] {
  return JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')).entries;
}

/** The tables the given migrations leave behind, following CREATE, DROP and RENAME in order. */
function tablesAfter(migrations: JournalEntry[]): Set<string> {
  const tables = new Set<string>();
  for (const { tag } of migrations) {
    const sql = readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8');
    for (const match of sql.matchAll(/CREATE TABLE [`"]?(\w+)[`"]?|DROP TABLE [`"]?(\w+)[`"]?|ALTER TABLE [`"]?(\w+)[`"]? RENAME TO [`"]?(\w+)[`"]?/gi)) {
      if (match[1]) tables.add(match[1]);
      if (match[2]) tables.delete(match[2]);
      if (match[3]) {
        tables.delete(match[3]);
        tables.add(match[4]);
      }
    }
  }
  return tables;
}

export interface CheckedDatabase {
  /** Migrations already applied to the file. */
  applied: number;
  /** Migrations this version of VV Monitor will apply when it opens the file. */
  pending: number;
}

/**
 * Is this file a sound VV Monitor database this version can open? SQLite's full integrity check,
 * the migration history (none unknown to this version, so it was not made by a newer one), and
 * every table those migrations create. Opens the file read-write (a WAL file may need recovery):
 * check a copy when the original must stay untouched; `name` is what messages call the file.
 */
export function checkDatabaseFile(path: string, name = path): CheckedDatabase {
  if (!existsSync(path)) throw new BackupError(`${name} does not exist`);
  // Read the header first: SQLite would open a text file happily and only fail later, less clearly.
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== 'SQLite format 3\0') throw new BackupError(`${name} is not a SQLite database`);

  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(path, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${name} cannot be opened: ${(error as Error).message}`);
  }
  try {
    let problems: string[];
    try {
      problems = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map((row) => row.integrity_check);
    } catch (error) {
      throw new BackupError(`${name} fails SQLite's integrity check: ${(error as Error).message}`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupError(`${name} fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`);
    }
    const tables = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has('__drizzle_migrations')) throw new BackupError(`${name} is not a VV Monitor database: it has no migration history`);

    const journal = readJournal();
    const recorded = sqlite.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at').pluck().all() as number[];
    const unknown = recorded.filter((when) => !journal.some((entry) => entry.when === Number(when)));
    if (unknown.length > 0) {
      throw new BackupError(`${name} was made by a newer version of VV Monitor (${unknown.length} migrations unknown here); update VV Monitor first`);
    }
    const applied = journal.filter((entry) => recorded.some((when) => Number(when) === entry.when));
    const missing = [...tablesAfter(applied)].filter((table) => !tables.has(table));
    if (applied.length === 0 || missing.length > 0) {
      throw new BackupError(`${name} is not a VV Monitor database: table ${missing[0] ?? 'municipalities'} is missing`);
    }
    return { applied: applied.length, pending: journal.length - applied.length };
  } finally {
    sqlite.close();
  }
}

export interface RestoreOptions {
  databasePath: string;
  /** Where the copy of the replaced database is kept. */
  backupDir: string;
  /** Replace the database even though another process has it open. */
  force?: boolean;
  now?: Date;
}

export interface RestoreResult {
  /** The copy of the database that was replaced; null when there was none. */
  previousCopy: string | null;
  /** Migrations the server will apply to the restored file when it starts. */
  pending: number;
}

/**
 * Replaces the database with a backup, after checking a copy of the backup (the bytes checked are
 * the bytes installed). Refuses while another process has the database open unless forced, keeps
 * a copy of the current database first, removes its -wal, -shm and -journal files (SQLite would
 * apply a stale journal to the restored file), and installs the copy with one atomic rename.
 */
export async function restoreDatabase(backupFile: string, options: RestoreOptions): Promise<RestoreResult> {
  const target = options.databasePath;
  if (!existsSync(backupFile)) throw new BackupError(`${backupFile} does not exist`);
  makeFolder(dirname(target));
  // Beside the target, so the final rename stays on one file system and is atomic.
  const incoming = join(dirname(target), `.${basename(target)}.restoring`);
  const discard = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${incoming}${suffix}`, { force: true });
  };
  discard();
  try {
    copyFileSync(backupFile, incoming);
    // A copy of a live WAL database keeps recent transactions in its -wal file: bring them along.
    if (existsSync(`${backupFile}-wal`)) copyFileSync(`${backupFile}-wal`, `${incoming}-wal`);
    const { pending } = checkDatabaseFile(incoming, backupFile);
    const previousCopy = existsSync(target) ? await setAside(target, options) : null;
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    fsyncPath(incoming);
    renameSync(incoming, target);
    fsyncPath(dirname(target));
    return { previousCopy, pending };
  } catch (error) {
    discard();
    if (error instanceof BackupError) throw error;
    throw new BackupError(`cannot restore ${backupFile}: ${(error as Error).message}`);
  }
}

/**
 * Copies the database about to be replaced into the backup folder, named for why (`before-restore`,
 * `before-new`); refuses if it is in use. Such copies are never pruned by BACKUP_KEEP.
 */
export async function setAside(target: string, options: RestoreOptions, why: 'restore' | 'new' = 'restore'): Promise<string> {
  makeFolder(options.backupDir);
  const copy = join(options.backupDir, `${stem(target)}-before-${why}-${stamp(options.now ?? new Date())}.sqlite`);
  let sqlite: Sqlite.Database | null = null;
  try {
    sqlite = new Sqlite(target, { fileMustExist: true, timeout: 0 });
    if (!options.force) {
      // Leaving WAL mode needs the only connection to the file: if the server has it open, this
      // fails at once (timeout 0) and nothing is changed.
      let mode: unknown;
      try {
        mode = sqlite.pragma('journal_mode = DELETE', { simple: true });
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      }
      if (mode !== 'delete') {
        throw new BackupError(`${target} is in use: is VV Monitor running? Stop the server first, or run it again with --force`);
      }
    }
    await sqlite.backup(copy, { progress: () => 0x7fffffff });
    return copy;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // The current file is damaged (often the reason for restoring): keep its bytes as they are.
    copyFileSync(target, copy);
    if (existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${copy}-wal`);
    return copy;
  } finally {
    sqlite?.close();
  }
}

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
