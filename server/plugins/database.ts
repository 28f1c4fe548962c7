/**
 * Opens the database for the app's lifetime, loads the demo dataset into an empty database unless
 * switched off, and closes the file when the app closes.
 */
import fp from 'fastify-plugin';
import { openDatabase, type Database } from '../../db/client.ts';
import { isEmpty, loadDemoData } from '../../db/demo/load.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

export interface DatabasePluginOptions {
  databasePath: string;
  demoData: 'auto' | 'off';
}

export default fp<DatabasePluginOptions>(
  async (fastify, { databasePath, demoData }) => {
    const database = openDatabase(databasePath);
    if (demoData === 'auto' && isEmpty(database.db)) {
      loadDemoData(database.db);
      fastify.log.info({ databasePath }, 'loaded the demo dataset into the empty database');
    }
    fastify.decorate('database', database);
    fastify.addHook('onClose', async () => database.close());
  },
  { name: 'database' },
);
