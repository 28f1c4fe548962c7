/**
 * Backups of the SQLite file, made with SQLite's online backup: a consistent copy, safe while the
 * server writes.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Sqlite from 'better-sqlite3';
import makeFolder from '../make-folder.ts';
import { BackupError, fsyncPath, stamp, stem } from './files.ts';

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
