/**
 * Bringing a backup back without leaving a half-replaced database behind, and setting the
 * current database aside first.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import makeFolder from '../make-folder.ts';
import { checkDatabaseFile } from './check.ts';
import { BackupError, fsyncPath, stamp, stem } from './files.ts';

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
