/**
 * Opens the SQLite file, applies the committed migrations and makes sure the reference data
 * (regions, municipalities, category definitions) is present. One entry point for server,
 * scripts and tests, so all of them see the same schema and pragmas.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import makeFolder from './make-folder.ts';
import * as schema from './schema.ts';
import { seedReferenceData } from './reference/seed.ts';
import { loadDemoData } from './demo/load.ts';
import { meta } from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite.Database };
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A connection or an open transaction: queries run the same inside a write as outside. */
export type Conn = Db | Transaction;

export interface Database {
  /** Drizzle, for every query and write. */
  db: Db;
  /** The raw connection, for pragmas and online backups. */
  sqlite: Sqlite.Database;
  path: string;
  /** Whether this open created the database (the file held no tables before). */
  created: boolean;
  close(): void;
}

export interface OpenOptions {
  /**
   * What a brand-new database starts as: the invented demo dataset, or empty for real use
   * ("live"). An existing file is never given demo data, however empty it is.
   */
  newDataset?: 'demo' | 'live';
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** A start-up problem with the database file, reported as one clear line. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

export function openDatabase(path: string, { newDataset = 'live' }: OpenOptions = {}): Database {
  const inMemory = path === ':memory:';
  if (!inMemory) {
    try {
      makeFolder(dirname(path));
    } catch (error) {
      throw new DatabaseOpenError(`Cannot create the folder for the database ${path}: ${(error as Error).message}`);
    }
  }

  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(path);
  } catch (error) {
    throw new DatabaseOpenError(`Cannot open the database ${path}: ${(error as Error).message}`);
  }

  try {
    // WAL lets readers continue while a quarter is saved; FULL sync because losing an
    // acknowledged status change after a power cut is worse than a slower write.
    if (!inMemory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = drizzle({ client: sqlite, schema, casing: 'snake_case' });
    const created = sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() === 0;
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    seedReferenceData(db);
    if (created && newDataset === 'demo') loadDemoData(db);
    // A database without the mark predates it, or was created for real use: it is live.
    db.insert(meta).values({ key: 'dataset', value: 'live' }).onConflictDoNothing().run();
    return { db, sqlite, path, created, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    const message = (error as Error).message;
    if (/not a database|malformed/i.test(message)) {
      throw new DatabaseOpenError(`${path} is not a usable VV Monitor database: ${message}`);
    }
    if (/readonly|read-only|unable to open|permission/i.test(message)) {
      throw new DatabaseOpenError(`Cannot write to the database ${path}: ${message}`);
    }
    throw error;
  }
}
