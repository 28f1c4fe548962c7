/**
 * `npm run restore -- <backup file> [--force]`: puts a backup in place of DATABASE_PATH.
 *
 * The backup is checked first (integrity, a VV Monitor database this version can open). The
 * restore refuses while the database is open in another process (the server) unless --force is
 * given, keeps a copy of the current database in BACKUP_DIR, and removes its stale -wal/-shm files.
 * Without a file it lists the backups in BACKUP_DIR.
 */
import { parseArgs } from 'node:util';
import { BackupError, listBackups } from '../db/backup/files.ts';
import { restoreDatabase } from '../db/backup/restore.ts';
import { ConfigError, loadConfig } from '../server/config.ts';

const USAGE = 'usage: npm run restore -- <backup file> [--force]';

try {
  const config = loadConfig();
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length !== 1) {
    const backups = listBackups(config.backupDir, config.databasePath);
    console.error(USAGE);
    console.error(backups.length > 0 ? `Backups in ${config.backupDir}:\n${backups.map((b) => `  ${b}`).join('\n')}` : `No backups in ${config.backupDir}`);
    process.exit(2);
  }
  const { previousCopy, pending } = await restoreDatabase(positionals[0], {
    databasePath: config.databasePath,
    backupDir: config.backupDir,
    force: values.force,
  });
  console.log(`Restored ${positionals[0]} into ${config.databasePath} (integrity check ok).`);
  if (previousCopy) console.log(`The database it replaced is kept as ${previousCopy}`);
  if (pending > 0) console.log(`It is from an older version: ${pending} migrations will be applied when the server starts.`);
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupError) {
    console.error(`restore: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`restore: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  throw error;
}
