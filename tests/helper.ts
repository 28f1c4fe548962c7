/**
 * Shared test fixtures: real SQLite files in temporary folders and the real app on them.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll } from 'vitest';
import { buildApp, type AppOptions } from '../server/app.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'vv-test-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

export function tempDatabasePath(): string {
  return join(tempDir(), 'vv-monitor.sqlite');
}

/** The real app on a new temporary database file (demo data loaded unless told otherwise). */
export async function buildTestApp(options: Partial<AppOptions> = {}) {
  const databasePath = options.databasePath ?? tempDatabasePath();
  const app = await buildApp({ databasePath, demoData: 'auto', webRoot: null, geoRoot: null, ...options });
  await app.ready();
  return { app, databasePath };
}

/**
 * A hash of every row of every table, read through a separate connection: equal fingerprints
 * before and after a request prove that the request changed nothing.
 */
export function databaseFingerprint(databasePath: string): string {
  const sqlite = new Sqlite(databasePath, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      hash.update(table);
      for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    sqlite.close();
  }
}
