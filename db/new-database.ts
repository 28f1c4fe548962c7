/**
 * Starting real use: the database in DATABASE_PATH (usually the demo) is set aside in BACKUP_DIR
 * and an empty live database takes its place. The demo can never come back into it: a database
 * that exists is never given demo data, and a live one is never readable without a login unless
 * ANONYMOUS_READ=1.
 */
import { existsSync, rmSync } from 'node:fs';
import { openDatabase } from './client.ts';
import { setAside, type RestoreOptions } from './backup/restore.ts';

export interface NewDatabaseResult {
  /** Where the replaced database is kept; null when there was none. */
  previousCopy: string | null;
}

export async function startNewDatabase(options: RestoreOptions): Promise<NewDatabaseResult> {
  const target = options.databasePath;
  const previousCopy = existsSync(target) ? await setAside(target, options, 'new') : null;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  openDatabase(target, { newDataset: 'live' }).close();
  return { previousCopy };
}
