/**
 * Opens the database for the app's lifetime and closes it when the app closes. A database the app
 * creates starts with the demo dataset, or empty for real use with `demoData: 'off'`.
 */
import fp from 'fastify-plugin';
import { openDatabase, type Database } from '../../db/client.ts';

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
    const database = openDatabase(databasePath, { newDataset: demoData === 'auto' ? 'demo' : 'live' });
    if (database.created) {
      fastify.log.info({ databasePath, dataset: demoData === 'auto' ? 'demo' : 'live' }, 'created a new database');
    }
    fastify.decorate('database', database);
    fastify.addHook('onClose', async () => database.close());
  },
  { name: 'database' },
);
