/**
 * The demo database the tests copy (tests/demo-template.ts) must read like the one the app would
 * create: same rows, same ids. Only the moment of loading differs, and only within the day.
 */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { copyDemoDatabase } from './demo-template.ts';
import { databaseFingerprint, tempDatabasePath } from './helper.ts';

/** Columns stamped with the time the demo was loaded. */
const LOADED_AT: Record<string, string[]> = { areas: ['created_at', 'updated_at'], audit_log: ['at'] };

/** Every row of every table, with the load times cut to their day. */
function contents(path: string): Record<string, unknown[]> {
  const sqlite = new Sqlite(path, { readonly: true });
  try {
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((table) => {
        const rows = sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[];
        for (const row of rows) for (const column of LOADED_AT[table] ?? []) row[column] = String(row[column]).slice(0, 10);
        return [table, rows];
      }),
    );
  } finally {
    sqlite.close();
  }
}

describe('copyDemoDatabase', () => {
  it('holds the rows and ids of a demo database the app creates', () => {
    const fresh = tempDatabasePath();
    openDatabase(fresh, { newDataset: 'demo' }).close();
    const copy = tempDatabasePath();
    copyDemoDatabase(copy);
    openDatabase(copy, { newDataset: 'demo' }).close();
    const copied = contents(copy);
    expect(copied.quarters.length).toBeGreaterThan(0);
    expect(copied).toEqual(contents(fresh));
  });

  it('is opened as an existing database: the app creates and loads nothing', () => {
    const copy = tempDatabasePath();
    copyDemoDatabase(copy);
    const before = databaseFingerprint(copy);
    const database = openDatabase(copy, { newDataset: 'demo' });
    expect(database.created).toBe(false);
    database.close();
    expect(databaseFingerprint(copy)).toBe(before);
  });
});
