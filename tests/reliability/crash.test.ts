/**
 * The server is killed (SIGKILL: no shutdown, no cleanup) at a random moment while it saves whole
 * quarters or imports files over HTTP. After a restart the database must pass SQLite's integrity
 * check and hold each transaction whole or not at all, including every acknowledged one.
 *
 * Every save and every import sets all 98 notes of 2019K1 to one text ("save 12"), so a save
 * half-applied would show as notes that differ, a note with fewer than 98 audit rows, or a row
 * whose version does not count its audit rows.
 */
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { logIn, type HttpClient } from '../../bench/client.ts';
import { startServerProcess, type ServerProcess } from '../../bench/server-process.ts';
import { openDatabase } from '../../db/client.ts';
import { loadDemoData } from '../../db/demo/load.ts';
import { SYSTEM_ACTOR } from '../../db/writes/actor.ts';
import { openNextQuarter } from '../../db/writes/quarters.ts';
import { createUser } from '../../db/writes/users.ts';
import { hashPassword } from '../../server/access/passwords.ts';
import { tempDir, TEST_PASSWORD } from '../helper.ts';
import { waitFor } from '../wait-for.ts';

const QUARTER = '2019K1';
const EMAIL = 'admin@crash.test';

interface Row {
  code: string;
  category: number;
  version: number;
}

async function prepareDatabase(): Promise<{ folder: string; databasePath: string }> {
  const folder = tempDir();
  const databasePath = join(folder, 'vv-monitor.sqlite');
  const database = openDatabase(databasePath);
  loadDemoData(database.db);
  openNextQuarter(database.db, SYSTEM_ACTOR);
  createUser(database.db, { email: EMAIL, name: 'Crash Test', role: 'admin', passwordHash: await hashPassword(TEST_PASSWORD) }, SYSTEM_ACTOR);
  database.close();
  return { folder, databasePath };
}

const start = (databasePath: string, folder: string, round: number) =>
  startServerProcess({ env: { DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' }, logFile: join(folder, `server-${round}.log`) });

/**
 * Runs `write` back to back until the server dies, killing it with SIGKILL at a random moment
 * once a few writes have been acknowledged. `write` answers the HTTP status; a request cut off by
 * the kill rejects. Returns the numbers of the acknowledged writes.
 */
async function killDuringWrites(server: ServerProcess, write: (n: number) => Promise<number>, firstNumber: number): Promise<number[]> {
  const acknowledged: number[] = [];
  const refused: string[] = [];
  const writing = (async () => {
    for (let n = firstNumber; ; n++) {
      const status = await write(n).catch(() => null);
      if (status === null) return; // the connection died with the server
      if (status === 200) acknowledged.push(n);
      else refused.push(`write ${n}: ${status}`);
    }
  })();
  await waitFor(() => acknowledged.length >= 3 || refused.length > 0, { timeoutMs: 30_000, intervalMs: 5, what: 'three acknowledged writes' }).catch(
    (error) => {
      server.child.kill('SIGKILL');
      throw error;
    },
  );
  // The random moment is the test: the kill must be safe wherever it lands in a write.
  await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 400));
  server.child.kill('SIGKILL');
  expect((await server.exited).signal).toBe('SIGKILL');
  await writing;
  expect(refused).toEqual([]);
  return acknowledged;
}

/** Integrity, and every transaction whole: the checks described at the top of this file. */
function expectWholeTransactions(databasePath: string, acknowledged: number[], prefix: string): number {
  const sqlite = new Sqlite(databasePath, { readonly: true });
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const notes = sqlite.prepare('SELECT DISTINCT note FROM statuses WHERE quarter_code = ?').pluck().all(QUARTER) as string[];
    expect(notes).toHaveLength(1);
    const perNote = sqlite
      .prepare(
        `SELECT json_extract(new_value, '$.note') AS note, count(*) AS n FROM audit_log
         WHERE entity = 'status' AND quarter_code = ? GROUP BY note`,
      )
      .all(QUARTER) as { note: string; n: number }[];
    for (const { note, n } of perNote) expect(n, `audit rows of "${note}"`).toBe(98);
    const torn = sqlite
      .prepare(
        `SELECT municipality_code FROM statuses s WHERE quarter_code = ? AND version <>
           1 + (SELECT count(*) FROM audit_log a WHERE a.entity = 'status' AND a.entity_key = s.quarter_code || '/' || s.municipality_code)`,
      )
      .pluck()
      .all(QUARTER);
    expect(torn).toEqual([]);
    const latest = Number(notes[0].slice(prefix.length));
    // Acknowledged means on disk (synchronous=FULL): the newest save is at least the last acknowledged one.
    expect(notes[0].startsWith(prefix)).toBe(true);
    expect(latest).toBeGreaterThanOrEqual(Math.max(...acknowledged));
    return latest;
  } finally {
    sqlite.close();
  }
}

async function currentRows(client: HttpClient): Promise<Row[]> {
  return (await client.request('GET', `/api/quarters/${QUARTER}/statuses`)).json;
}

describe('a server killed with SIGKILL', () => {
  it('in the middle of bulk quarter saves keeps every save whole or absent, and every acknowledged one', async () => {
    const { folder, databasePath } = await prepareDatabase();
    let next = 1;
    for (let round = 0; round < 2; round++) {
      const server = await start(databasePath, folder, round);
      const client = await logIn(server.baseUrl, EMAIL, TEST_PASSWORD);
      let rows = await currentRows(client);
      const acknowledged = await killDuringWrites(
        server,
        async (n) => {
          const answer = await client.request('PUT', `/api/quarters/${QUARTER}/statuses`, {
            rows: rows.map((r) => ({ code: r.code, category: r.category, note: `save ${n}`, version: r.version })),
          });
          if (answer.status === 200) rows = answer.json.rows;
          return answer.status;
        },
        next,
      );
      next = expectWholeTransactions(databasePath, acknowledged, 'save ') + 1;
    }
    // A last restart on the file the kills left behind: the server starts and answers.
    const server = await start(databasePath, folder, 2);
    expect(await (await fetch(`${server.baseUrl}/api/health`)).json()).toEqual({ status: 'ok' });
    expect((await server.stop()).code).toBe(0);
  }, 60_000);

  it('in the middle of imports keeps every import whole or absent', async () => {
    const { folder, databasePath } = await prepareDatabase();
    const server = await start(databasePath, folder, 0);
    const client = await logIn(server.baseUrl, EMAIL, TEST_PASSWORD);
    const rows = await currentRows(client);
    const acknowledged = await killDuringWrites(
      server,
      async (n) => {
        const file = {
          name: `import-${n}.csv`,
          content: ['kommunekode;kategori;note', ...rows.map((r) => `${r.code};${r.category};import ${n}`)].join('\n'),
        };
        const preview = await client.upload('/api/imports/preview', file, { quarter: QUARTER });
        if (preview.status !== 200) return preview.status;
        return (await client.upload('/api/imports/commit', file, { quarter: QUARTER, fingerprint: preview.json.fingerprint })).status;
      },
      1,
    );
    const latest = expectWholeTransactions(databasePath, acknowledged, 'import ');
    const sqlite = new Sqlite(databasePath, { readonly: true });
    const imports = sqlite.prepare("SELECT entity_key FROM audit_log WHERE action = 'import' ORDER BY id").pluck().all();
    sqlite.close();
    // The import's own audit row is written in the same transaction as its rows.
    expect(imports).toEqual(Array.from({ length: latest }, (_, i) => `import-${i + 1}.csv`));

    const restarted = await start(databasePath, folder, 1);
    expect((await restarted.stop()).code).toBe(0);
  }, 60_000);
});
