/**
 * `npm run backup`: a consistent copy of DATABASE_PATH into BACKUP_DIR, named with the time, made
 * with SQLite's online backup, so it is safe while the server is running and writing. The copy is
 * checked (PRAGMA integrity_check) and the oldest backups beyond BACKUP_KEEP are deleted.
 */
import { existsSync, statSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { backupDatabase } from '../db/backup/backup.ts';
import { checkDatabaseFile } from '../db/backup/check.ts';
import { BackupError, pruneBackups } from '../db/backup/files.ts';
import { ConfigError, loadConfig } from '../server/config.ts';

try {
  const config = loadConfig();
  if (!existsSync(config.databasePath)) throw new BackupError(`there is no database at ${config.databasePath} (DATABASE_PATH)`);
  const sqlite = new Sqlite(config.databasePath, { fileMustExist: true, timeout: 5000 });
  let file: string;
  try {
    file = await backupDatabase(sqlite, { databasePath: config.databasePath, dir: config.backupDir });
  } finally {
    sqlite.close();
  }
  checkDatabaseFile(file);
  const removed = pruneBackups(config.backupDir, config.databasePath, config.backupKeep);
  const megabytes = (statSync(file).size / 2 ** 20).toFixed(1);
  console.log(`Backup written: ${file} (${megabytes} MB, integrity check ok)`);
  if (removed.length > 0) console.log(`Deleted ${removed.length} older backups (BACKUP_KEEP=${config.backupKeep})`);
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupError || error instanceof Sqlite.SqliteError) {
    console.error(`backup: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
