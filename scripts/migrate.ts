/**
 * `npm run db:migrate`: applies the committed migrations to DATABASE_PATH without starting the
 * server (the server also migrates at start-up). Never loads demo data.
 */
import { DatabaseOpenError, openDatabase } from '../db/client.ts';
import { ConfigError, loadConfig } from '../server/config.ts';

try {
  const { databasePath } = loadConfig();
  const database = openDatabase(databasePath);
  const applied = database.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
  database.close();
  console.log(`${databasePath}: up to date (${applied} migrations applied)`);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DatabaseOpenError) {
    console.error(`db:migrate: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
