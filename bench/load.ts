/**
 * Many readers and a few writers at once against the real server in a child process: no request
 * may fail and no acknowledged write may be missing afterwards. `npm run bench -- load` runs the
 * full test (200 readers, 5 writers, 60 s); tests/reliability/load.test.ts a 5-second variant.
 *
 * Each writer has an administrator account (consultants may only write in their own area) and its
 * own municipalities, so a refused write (409) would be a bug, not a race between writers. Every write carries a unique note; after the run the database must
 * hold every acknowledged note in its audit log and each row's last acknowledged version and note.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import autocannon from 'autocannon';
import { openDatabase } from '../db/client.ts';
import { loadDemoData } from '../db/demo/load.ts';
import { MUNICIPALITIES } from '../db/reference/municipalities.ts';
import { SYSTEM_ACTOR } from '../db/writes/actor.ts';
import { openNextQuarter } from '../db/writes/quarters.ts';
import { createUser } from '../db/writes/users.ts';
import { hashPassword } from '../server/access/passwords.ts';
import { logIn, logInCookie } from './client.ts';
import { startServerProcess } from './server-process.ts';

export interface LoadOptions {
  readers: number;
  writers: number;
  seconds: number;
}

type Log = (line: string) => void;

export interface LoadResults extends LoadOptions {
  reads: { requests: number; perSecond: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number };
  writes: { acknowledged: number; refused: number; failed: number; perSecond: number; p50Ms: number; p99Ms: number };
  /** Acknowledged writes the database does not hold afterwards. */
  lostWrites: number;
  integrity: string;
  serverExitCode: number | null;
  passed: boolean;
}

const PASSWORD = 'load test password';
const QUARTER = '2019K1';
const READER = 'reader@load.test';

interface Ack {
  code: string;
  version: number;
  note: string;
}

/** Demo data, an open quarter to write in, one account per writer and one for the readers. */
async function prepareDatabase(path: string, writers: number): Promise<void> {
  const database = openDatabase(path);
  try {
    loadDemoData(database.db);
    openNextQuarter(database.db, SYSTEM_ACTOR);
    const passwordHash = await hashPassword(PASSWORD);
    for (let w = 0; w < writers; w++) {
      createUser(database.db, { email: `writer${w}@load.test`, name: `Writer ${w}`, role: 'admin', passwordHash }, SYSTEM_ACTOR);
    }
    // The readers watch the open quarter being entered, so they read as someone who sees drafts.
    createUser(database.db, { email: READER, name: 'Reader', role: 'consultant', passwordHash }, SYSTEM_ACTOR);
  } finally {
    database.close();
  }
}

function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

async function writeUntil(baseUrl: string, writer: number, writers: number, deadline: number) {
  const client = await logIn(baseUrl, `writer${writer}@load.test`, PASSWORD);
  const mine = MUNICIPALITIES.map((m) => m.code).filter((_, i) => i % writers === writer);
  const rows = (await client.request('GET', `/api/quarters/${QUARTER}/statuses`)).json as { code: string; category: number; version: number }[];
  const current = new Map(rows.filter((r) => mine.includes(r.code)).map((r) => [r.code, r]));
  const acks: Ack[] = [];
  const latencies: number[] = [];
  const failures: string[] = [];
  let refused = 0;
  for (let n = 0; Date.now() < deadline; n++) {
    const row = current.get(mine[n % mine.length])!;
    const note = `writer ${writer} write ${n}`;
    const started = performance.now();
    const answer = await client
      .request('PUT', `/api/quarters/${QUARTER}/statuses/${row.code}`, { category: row.category, note, version: row.version })
      .catch((error: Error) => ({ status: 0, json: { message: error.message } }));
    latencies.push(performance.now() - started);
    if (answer.status === 200) {
      current.set(row.code, { ...row, version: answer.json.version });
      acks.push({ code: row.code, version: answer.json.version, note });
    } else if (answer.status === 409) {
      refused++;
    } else {
      failures.push(`${answer.status} ${answer.json?.message ?? ''}`);
    }
  }
  return { acks, latencies, failures, refused };
}

/** Every acknowledged note must be in the audit log, and every row must hold its last one. */
function missingWrites(path: string, acks: Ack[]): { lost: number; integrity: string } {
  const sqlite = new Sqlite(path, { readonly: true });
  try {
    const integrity = (sqlite.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
    const audited = new Set(
      sqlite
        .prepare("SELECT entity_key || '|' || json_extract(new_value, '$.note') FROM audit_log WHERE entity = 'status' AND quarter_code = ?")
        .pluck()
        .all(QUARTER) as string[],
    );
    const rows = new Map(
      (sqlite.prepare('SELECT municipality_code AS code, version, note FROM statuses WHERE quarter_code = ?').all(QUARTER) as Ack[]).map((r) => [r.code, r]),
    );
    const last = new Map(acks.map((ack) => [ack.code, ack]));
    let lost = acks.filter((ack) => !audited.has(`${QUARTER}/${ack.code}|${ack.note}`)).length;
    for (const [code, ack] of last) {
      const row = rows.get(code);
      if (!row || row.version !== ack.version || row.note !== ack.note) lost++;
    }
    return { lost, integrity };
  } finally {
    sqlite.close();
  }
}

export async function runLoadTest({ readers, writers, seconds }: LoadOptions, log: Log = console.log): Promise<LoadResults> {
  const work = mkdtempSync(join(tmpdir(), 'vv-load-'));
  const path = join(work, 'vv-monitor.sqlite');
  try {
    await prepareDatabase(path, writers);
    const server = await startServerProcess({
      env: { DATABASE_PATH: path, LOG_LEVEL: 'warn' },
      logFile: join(work, 'server.log'),
    });
    let serverExitCode: number | null = null;
    try {
      const { cookie } = await logInCookie(server.baseUrl, READER, PASSWORD);
      const deadline = Date.now() + seconds * 1000;
      const reading = autocannon({
        url: server.baseUrl,
        connections: readers,
        duration: seconds,
        headers: { accept: 'application/json', cookie },
        requests: [
          { path: `/api/quarters/${QUARTER}/statuses` },
          { path: `/api/summary?quarter=${QUARTER}` },
          { path: '/api/quarters' },
          { path: '/api/municipalities/0101/history' },
          { path: '/api/quarters/2018K4/statuses' },
        ],
      });
      const writing = await Promise.all(Array.from({ length: writers }, (_, w) => writeUntil(server.baseUrl, w, writers, deadline)));
      const read = await reading;
      const stopped = await server.stop();
      serverExitCode = stopped.code;

      const acks = writing.flatMap((w) => w.acks);
      const latencies = writing.flatMap((w) => w.latencies);
      const failures = writing.flatMap((w) => w.failures);
      const { lost, integrity } = missingWrites(path, acks);
      const result: LoadResults = {
        readers,
        writers,
        seconds,
        reads: {
          requests: read.requests.total,
          perSecond: Math.round(read.requests.average),
          p50Ms: read.latency.p50,
          p99Ms: read.latency.p99,
          errors: read.errors + read.timeouts,
          non2xx: read.non2xx,
        },
        writes: {
          acknowledged: acks.length,
          refused: writing.reduce((sum, w) => sum + w.refused, 0),
          failed: failures.length,
          perSecond: Math.round(acks.length / seconds),
          p50Ms: percentile(latencies, 50),
          p99Ms: percentile(latencies, 99),
        },
        lostWrites: lost,
        integrity,
        serverExitCode,
        passed: false,
      };
      result.passed =
        result.reads.errors === 0 &&
        result.reads.non2xx === 0 &&
        result.writes.failed === 0 &&
        result.writes.refused === 0 &&
        result.writes.acknowledged > 0 &&
        lost === 0 &&
        integrity === 'ok' &&
        serverExitCode === 0;
      log(
        `${readers} readers: ${result.reads.requests} reads (${result.reads.perSecond}/s, p50 ${result.reads.p50Ms} ms, p99 ${result.reads.p99Ms} ms), ` +
          `${result.reads.errors} errors, ${result.reads.non2xx} not 2xx`,
      );
      log(
        `${writers} writers: ${result.writes.acknowledged} acknowledged (${result.writes.perSecond}/s, p50 ${result.writes.p50Ms} ms, p99 ${result.writes.p99Ms} ms), ` +
          `${result.writes.refused} refused, ${result.writes.failed} failed${failures.length ? ` (${failures.slice(0, 3).join('; ')})` : ''}`,
      );
      log(`lost writes: ${lost}; integrity_check: ${integrity}; server exit code ${serverExitCode}: ${result.passed ? 'PASSED' : 'FAILED'}`);
      return result;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
