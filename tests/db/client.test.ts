import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '../../db/client.ts';
import { loadDemoData } from '../../db/demo/load.ts';
import { databaseFingerprint, tempDatabasePath, tempDir } from '../helper.ts';

const TABLES = [
  'account_tokens',
  'agreements',
  'area_consultants',
  'area_municipalities',
  'areas',
  'audit_log',
  'category_definitions',
  'login_failures',
  'mail_outbox',
  'meta',
  'municipalities',
  'publications',
  'quarters',
  'reception_quotas',
  'recruitment_measures',
  'regions',
  'reminders_sent',
  'sessions',
  'statuses',
  'support_activities',
  'users',
];

describe('openDatabase', () => {
  it('creates the file and its folder and applies every migration', () => {
    const path = join(tempDir(), 'nested', 'folder', 'vv.sqlite');
    const database = openDatabase(path);
    const tables = database.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(TABLES);
    database.close();
  });

  it('turns on WAL and foreign keys', () => {
    const database = openDatabase(tempDatabasePath());
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    database.close();
  });

  it('fills the reference data: 5 regions, 98 municipalities, category definitions v1', () => {
    const database = openDatabase(tempDatabasePath());
    const count = (table: string) => database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(count('regions')).toBe(5);
    expect(count('municipalities')).toBe(98);
    expect(count('category_definitions')).toBe(1);
    database.close();
  });

  it('reopens an existing file without changing it', () => {
    const path = tempDatabasePath();
    const first = openDatabase(path);
    loadDemoData(first.db);
    first.close();
    const before = databaseFingerprint(path);
    openDatabase(path).close();
    expect(databaseFingerprint(path)).toBe(before);
  });

  it('refuses a file that is not a database, with a clear message', () => {
    const path = join(tempDir(), 'not-a-database.sqlite');
    writeFileSync(path, 'this is a text file, not SQLite '.repeat(100));
    expect(() => openDatabase(path)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(path)).toThrow(/not a usable VV Monitor database/);
  });

  it('refuses a path whose folder cannot be created', () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    expect(() => openDatabase(join(blocker, 'vv.sqlite'))).toThrow(/Cannot create the folder for the database/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder it may not write to', () => {
    const folder = join(tempDir(), 'locked');
    mkdirSync(folder);
    chmodSync(folder, 0o500);
    expect(() => openDatabase(join(folder, 'vv.sqlite'))).toThrow(DatabaseOpenError);
  });
});

describe('schema constraints', () => {
  it('keeps the audit log append-only', () => {
    const database = openDatabase(tempDatabasePath());
    loadDemoData(database.db);
    expect(() => database.sqlite.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => database.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    database.close();
  });

  it('rejects categories other than 1, 2, 3 and unknown municipalities', () => {
    const database = openDatabase(tempDatabasePath());
    loadDemoData(database.db);
    const insert = database.sqlite.prepare(
      "INSERT INTO statuses (quarter_code, municipality_code, category, updated_by, updated_at) VALUES ('2016K2', ?, ?, 'test', 'now')",
    );
    expect(() => insert.run('0101', 4)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('0411', 1)).toThrow(/FOREIGN KEY constraint failed/);
    database.close();
  });

  it('rejects an agreement that ends before it was signed', () => {
    const database = openDatabase(tempDatabasePath());
    const insert = database.sqlite.prepare(
      "INSERT INTO agreements (municipality_code, organisation, signed_on, ended_on, created_at, updated_at) VALUES ('0101', ?, ?, ?, 'now', 'now')",
    );
    expect(() => insert.run('RK', '2018-01-01', '2017-01-01')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('UNHCR', '2018-01-01', null)).toThrow(/CHECK constraint failed/);
    database.close();
  });
});

describe('the raw file', () => {
  it('is a plain SQLite file another tool can read', () => {
    const path = tempDatabasePath();
    openDatabase(path).close();
    const other = new Sqlite(path, { readonly: true });
    expect(other.prepare('SELECT name FROM municipalities WHERE code = ?').pluck().get('0101')).toBe('København');
    other.close();
  });
});
