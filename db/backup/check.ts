/**
 * Whether a file is a VV Monitor database this version can open, checked before a backup is
 * trusted or restored.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { MIGRATIONS_FOLDER } from '../client.ts';
import { BackupError } from './files.ts';

interface JournalEntry {
  when: number;
  tag: string;
}

function readJournal(): JournalEntry[] {
  return JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')).entries;
}

/** The tables the given migrations leave behind, following CREATE, DROP and RENAME in order. */
function tablesAfter(migrations: JournalEntry[]): Set<string> {
  const tables = new Set<string>();
  for (const { tag } of migrations) {
    const sql = readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8');
    for (const match of sql.matchAll(/CREATE TABLE [`"]?(\w+)[`"]?|DROP TABLE [`"]?(\w+)[`"]?|ALTER TABLE [`"]?(\w+)[`"]? RENAME TO [`"]?(\w+)[`"]?/gi)) {
      if (match[1]) tables.add(match[1]);
      if (match[2]) tables.delete(match[2]);
      if (match[3]) {
        tables.delete(match[3]);
        tables.add(match[4]);
      }
    }
  }
  return tables;
}

export interface CheckedDatabase {
  /** Migrations already applied to the file. */
  applied: number;
  /** Migrations this version of VV Monitor will apply when it opens the file. */
  pending: number;
}

/**
 * Is this file a sound VV Monitor database this version can open? SQLite's full integrity check,
 * the migration history (none unknown to this version, so it was not made by a newer one), and
 * every table those migrations create. Opens the file read-write (a WAL file may need recovery):
 * check a copy when the original must stay untouched; `name` is what messages call the file.
 */
export function checkDatabaseFile(path: string, name = path): CheckedDatabase {
  if (!existsSync(path)) throw new BackupError(`${name} does not exist`);
  // Read the header first: SQLite would open a text file happily and only fail later, less clearly.
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== 'SQLite format 3\0') throw new BackupError(`${name} is not a SQLite database`);

  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(path, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${name} cannot be opened: ${(error as Error).message}`);
  }
  try {
    let problems: string[];
    try {
      problems = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map((row) => row.integrity_check);
    } catch (error) {
      throw new BackupError(`${name} fails SQLite's integrity check: ${(error as Error).message}`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupError(`${name} fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`);
    }
    const tables = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has('__drizzle_migrations')) throw new BackupError(`${name} is not a VV Monitor database: it has no migration history`);

    const journal = readJournal();
    const recorded = sqlite.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at').pluck().all() as number[];
    const unknown = recorded.filter((when) => !journal.some((entry) => entry.when === Number(when)));
    if (unknown.length > 0) {
      throw new BackupError(`${name} was made by a newer version of VV Monitor (${unknown.length} migrations unknown here); update VV Monitor first`);
    }
    const applied = journal.filter((entry) => recorded.some((when) => Number(when) === entry.when));
    const missing = [...tablesAfter(applied)].filter((table) => !tables.has(table));
    if (applied.length === 0 || missing.length > 0) {
      throw new BackupError(`${name} is not a VV Monitor database: table ${missing[0] ?? 'municipalities'} is missing`);
    }
    return { applied: applied.length, pending: journal.length - applied.length };
  } finally {
    sqlite.close();
  }
}
