/**
 * `npm run backup` and `npm run restore` as an operator runs them: real processes, real files,
 * the real server writing or running beside them.
 */
import { execFile, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startServerProcess, PROJECT_ROOT } from '../../bench/server-process.ts';
import { openDatabase } from '../../db/client.ts';
import { loadDemoData } from '../../db/demo/load.ts';
import { buildTestApp, databaseFingerprint, loginAs, tempDir } from '../helper.ts';
import { waitFor } from '../wait-for.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const backup = (env: Record<string, string>) => run('scripts/backup.ts', [], env);
const restore = (args: string[], env: Record<string, string>) => run('scripts/restore.ts', args, env);

/** A VV Monitor database with the demo data, closed, and the environment that points at it. */
function demoDatabase() {
  const folder = tempDir();
  const env = { DATABASE_PATH: join(folder, 'vv-monitor.sqlite'), BACKUP_DIR: join(folder, 'backups') };
  const database = openDatabase(env.DATABASE_PATH);
  loadDemoData(database.db);
  database.close();
  return { folder, env, databasePath: env.DATABASE_PATH, backupDir: env.BACKUP_DIR };
}

const backupsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => /^vv-monitor-[\dT-]+Z\.sqlite$/.test(name)).sort() : []);

describe('npm run backup', () => {
  it('writes a timestamped copy with the same rows and keeps only BACKUP_KEEP backups', async () => {
    const { env, databasePath, backupDir } = demoDatabase();
    const keep = { ...env, BACKUP_KEEP: '2' };
    const first = await backup(keep);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Backup written: .*backups\/vv-monitor-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.sqlite \(.* MB, integrity check ok\)/);
    const [file] = backupsIn(backupDir);
    expect(databaseFingerprint(join(backupDir, file))).toBe(databaseFingerprint(databasePath));

    await backup(keep);
    const third = await backup(keep);
    expect(third.stdout).toContain('Deleted 1 older backups (BACKUP_KEEP=2)');
    const left = backupsIn(backupDir);
    expect(left).toHaveLength(2);
    expect(left).not.toContain(file);
  }, 30_000);

  it('stops with one clear line when there is no database', async () => {
    const folder = tempDir();
    const answer = await backup({ DATABASE_PATH: join(folder, 'missing.sqlite'), BACKUP_DIR: join(folder, 'backups') });
    expect(answer.code).toBe(1);
    expect(answer.stderr.trim()).toMatch(/^backup: there is no database at .*missing\.sqlite \(DATABASE_PATH\)$/);
  });

  it('copies, while the app keeps writing, every write acknowledged before it started; the copy restores whole', async () => {
    const { app, databasePath } = await buildTestApp();
    const admin = await loginAs(app, 'admin');
    expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);
    const rows: { code: string; category: number; version: number }[] = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json();
    const acks: { code: string; note: string; version: number }[] = [];
    let writing = true;
    const failures: string[] = [];
    // The real write path, one status at a time, as fast as the app answers.
    const loop = (async () => {
      for (let n = 0; writing; n++) {
        const row = rows[n % rows.length];
        const note = `write ${n}`;
        const answer = await admin.inject('PUT', `/api/quarters/2019K1/statuses/${row.code}`, { category: row.category, note, version: row.version });
        if (answer.statusCode !== 200) failures.push(answer.body);
        row.version = answer.json().version;
        acks.push({ code: row.code, note, version: row.version });
      }
    })();
    await waitFor(() => acks.length >= 30);

    const folder = tempDir();
    const acknowledgedBefore = acks.slice();
    const made = await backup({ DATABASE_PATH: databasePath, BACKUP_DIR: join(folder, 'backups') });
    const writtenDuring = acks.length - acknowledgedBefore.length;
    writing = false;
    await loop;
    await app.close();
    expect(made.code).toBe(0);
    expect(failures).toEqual([]);
    expect(writtenDuring).toBeGreaterThan(0);

    const restoredPath = join(folder, 'restored.sqlite');
    const [file] = backupsIn(join(folder, 'backups'));
    const restored = await restore([join(folder, 'backups', file)], { DATABASE_PATH: restoredPath, BACKUP_DIR: join(folder, 'backups') });
    expect(restored.code).toBe(0);

    const sqlite = new Sqlite(restoredPath, { readonly: true });
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const audited = new Set(
        sqlite.prepare("SELECT entity_key || ' ' || json_extract(new_value, '$.note') FROM audit_log WHERE entity = 'status'").pluck().all(),
      );
      for (const ack of acknowledgedBefore) expect(audited.has(`2019K1/${ack.code} ${ack.note}`), ack.note).toBe(true);
      // One consistent moment: every row's version counts exactly its audit rows (1 = carried over).
      const torn = sqlite
        .prepare(
          `SELECT s.municipality_code FROM statuses s WHERE s.quarter_code = '2019K1' AND s.version <>
             1 + (SELECT count(*) FROM audit_log a WHERE a.entity = 'status' AND a.entity_key = '2019K1/' || s.municipality_code)`,
        )
        .pluck()
        .all();
      expect(torn).toEqual([]);
    } finally {
      sqlite.close();
    }
  }, 60_000);
});

describe('npm run restore', () => {
  it('puts a backup in place, keeps the replaced database, and removes its stale -wal and -shm files', async () => {
    const { env, databasePath, backupDir } = demoDatabase();
    expect((await backup(env)).code).toBe(0);
    const [file] = backupsIn(backupDir);
    const backedUp = databaseFingerprint(join(backupDir, file));

    // A process that committed a change and was killed before SQLite folded its WAL back into the file.
    const crash = spawnSync(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(databasePath)});
         db.pragma('journal_mode = WAL');
         db.prepare("INSERT INTO meta (key, value) VALUES ('crashed', 'yes')").run();
         process.kill(process.pid, 'SIGKILL');`,
      ],
      { cwd: PROJECT_ROOT },
    );
    expect(crash.signal).toBe('SIGKILL');
    expect(existsSync(`${databasePath}-wal`)).toBe(true);
    expect(existsSync(`${databasePath}-shm`)).toBe(true);

    const answer = await restore([join(backupDir, file)], env);
    expect(answer.code).toBe(0);
    expect(answer.stdout).toContain(`Restored ${join(backupDir, file)} into ${databasePath}`);
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
    expect(existsSync(`${databasePath}-shm`)).toBe(false);
    expect(databaseFingerprint(databasePath)).toBe(backedUp);

    const kept = /kept as (.*)$/m.exec(answer.stdout)![1];
    const copy = new Sqlite(kept, { readonly: true });
    // The change that only lived in the WAL is in the kept copy: nothing committed was thrown away.
    expect(copy.prepare("SELECT value FROM meta WHERE key = 'crashed'").pluck().get()).toBe('yes');
    copy.close();
    expect(backupsIn(backupDir)).toEqual([file]);
  }, 30_000);

  it.each([
    ['a text file', (path: string) => writeFileSync(path, 'minutes of the meeting '.repeat(100)), /is not a SQLite database/],
    [
      'another SQLite database',
      (path: string) => new Sqlite(path).exec('CREATE TABLE recipes (name TEXT)').close(),
      /is not a VV Monitor database: it has no migration history/,
    ],
    [
      'a database from a newer version',
      (path: string, source: string) => {
        copyFileSync(source, path);
        new Sqlite(path).exec("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 9999999999999)").close();
      },
      /was made by a newer version of VV Monitor \(1 migrations unknown here\)/,
    ],
    [
      'a damaged database',
      (path: string, source: string) => {
        copyFileSync(source, path);
        damageIndex(path);
      },
      /fails SQLite's integrity check/,
    ],
  ])('refuses %s and leaves the database as it was', async (_label, make, message) => {
    const { env, databasePath, folder } = demoDatabase();
    const before = databaseFingerprint(databasePath);
    const candidate = join(folder, 'candidate.sqlite');
    make(candidate, databasePath);
    const answer = await restore([candidate], env);
    expect(answer.code).toBe(1);
    expect(answer.stderr.trim()).toMatch(new RegExp(`^restore: ${candidate.replaceAll('/', '\\/').replaceAll('.', '\\.')} `));
    expect(answer.stderr).toMatch(message);
    expect(databaseFingerprint(databasePath)).toBe(before);
    expect(readdirSync(folder).filter((name) => name.includes('restoring'))).toEqual([]);
  }, 30_000);

  it('refuses while the server has the database open, and replaces it with --force', async () => {
    const { env, databasePath, backupDir, folder } = demoDatabase();
    expect((await backup(env)).code).toBe(0);
    const [file] = backupsIn(backupDir);
    const server = await startServerProcess({ env: { ...env, LOG_LEVEL: 'warn' }, logFile: join(folder, 'server.log') });
    try {
      const refused = await restore([join(backupDir, file)], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toMatch(/^restore: .*vv-monitor\.sqlite is in use: is VV Monitor running\? Stop the server first, or run it again with --force$/);
      expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);

      const forced = await restore([join(backupDir, file), '--force'], env);
      expect(forced.code).toBe(0);
    } finally {
      await server.stop();
    }
    expect(databaseFingerprint(databasePath)).toBe(databaseFingerprint(join(backupDir, file)));
  }, 60_000);
});

/** Overwrites the cells at the end of an index's root page: the file opens, its index is garbage. */
function damageIndex(path: string): void {
  const sqlite = new Sqlite(path);
  const root = sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'statuses_municipality_idx'").pluck().get() as number;
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  sqlite.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(200, 0xab), 0, 200, root * pageSize - 200);
  closeSync(fd);
}
