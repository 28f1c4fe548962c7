/**
 * `npm run db:new [-- --force]`: from the demo to real use. Keeps the current database as
 * BACKUP_DIR/<name>-before-new-<time>.sqlite and starts an empty live database in DATABASE_PATH.
 * Refuses while the server has the database open, unless --force is given.
 */
import { parseArgs } from 'node:util';
import { BackupError } from '../db/backup/files.ts';
import { DatabaseOpenError } from '../db/client.ts';
import { startNewDatabase } from '../db/new-database.ts';
import { ConfigError, loadConfig } from '../server/config.ts';

const USAGE = 'usage: npm run db:new [-- --force]';

try {
  const config = loadConfig();
  const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
  const { previousCopy } = await startNewDatabase({ databasePath: config.databasePath, backupDir: config.backupDir, force: values.force });
  if (previousCopy) console.log(`The database that was in ${config.databasePath} is kept as ${previousCopy}`);
  console.log(`Started an empty database for real use in ${config.databasePath}. Reading it needs a login.`);
  console.log('Next: create the first administrator, start the server and log in:');
  console.log('  npm run user:create -- --email you@example.dk --role admin --name "Your Name"');
  console.log('  npm start');
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupError || error instanceof DatabaseOpenError) {
    console.error(`db:new: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`db:new: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  throw error;
}
