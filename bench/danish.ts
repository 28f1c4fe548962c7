/**
 * Danish refusals of hostile values (issue #9). A refusal quoting a 900 KB value full of "; got "
 * took about a second to translate, and held the whole server meanwhile. Each hostile case is timed
 * beside a baseline in the same run:
 *   translateMessage: a 900 KB message vs a short one;
 *   a whole request (Accept-Language: da, the real app on a temporary database): an agreement
 *   whose note is 900 KB of "; got " vs one with 900 KB of plain letters (the same cost of
 *   parsing) and one with a short note, each refused as too long.
 * A ratio near 1 means the translation no longer grows with the value. (Any editor could send these;
 * before the fix the 900 KB request took about a second.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../db/writes/actor.ts';
import { createUser } from '../db/writes/users.ts';
import { buildApp } from '../server/app.ts';
import { translateMessage } from '../server/errors/danish.ts';
import { hashPassword } from '../server/access/passwords.ts';

const HOSTILE_VALUE = '; got '.repeat(150_000);
const PLAIN_VALUE = 'x'.repeat(HOSTILE_VALUE.length);

export interface DanishCase {
  name: string;
  /** Characters of the message or of the query value. */
  chars: number;
  /** Median milliseconds per call. */
  medianMs: number;
  samples: number;
}

export interface DanishResults {
  cases: DanishCase[];
  /** Hostile case divided by its baseline: near 1 is flat. */
  ratios: { translate: number; requestVsSameSize: number; requestVsShort: number };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** At least 15 calls and about half a second of calls, after one warm-up call. */
async function time(name: string, chars: number, run: () => unknown): Promise<DanishCase> {
  await run();
  const samples: number[] = [];
  const until = performance.now() + 500;
  while (samples.length < 15 || (performance.now() < until && samples.length < 500)) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const result = { name, chars, medianMs: Math.round(median(samples) * 1000) / 1000, samples: samples.length };
  console.log(`${name.padEnd(48)} ${String(chars).padStart(8)} chars  ${result.medianMs.toFixed(3).padStart(9)} ms`);
  return result;
}

const ratio = (a: DanishCase, b: DanishCase) => Math.round((a.medianMs / Math.max(b.medianMs, 0.001)) * 100) / 100;

export async function runDanishBenchmark(): Promise<DanishResults> {
  const shortMessage = 'body.note: must NOT have more than 2000 characters; got "; got ; got "';
  const longMessage = `body.note: must NOT have more than 2000 characters; got ${JSON.stringify(HOSTILE_VALUE)}`;
  const translateShort = await time('translateMessage, short message', shortMessage.length, () => translateMessage(shortMessage));
  const translateLong = await time('translateMessage, 900 KB of "; got "', longMessage.length, () => translateMessage(longMessage));

  const work = mkdtempSync(join(tmpdir(), 'vv-bench-danish-'));
  const app = await buildApp({ databasePath: join(work, 'vv-monitor.sqlite'), demoData: 'auto', webRoot: null, geoRoot: null });
  try {
    await app.ready();
    const password = 'benchmark password';
    createUser(app.database.db, { email: 'bench@vv.test', name: 'Benchmark', role: 'admin', passwordHash: await hashPassword(password) }, SYSTEM_ACTOR);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'bench@vv.test', password } });
    const cookie = `vv_session=${login.cookies.find((c) => c.name === 'vv_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string, 'accept-language': 'da', 'content-type': 'application/json' };
    const ask = (note: string) => {
      const payload = JSON.stringify({ municipalityCode: '0101', organisation: 'RK', signedOn: '2019-01-05', note });
      return async () => {
        const answer = await app.inject({ method: 'POST', url: '/api/agreements', headers, payload });
        if (answer.statusCode !== 400) throw new Error(`expected 400, got ${answer.statusCode}: ${answer.body.slice(0, 200)}`);
      };
    };
    const shortNote = '; got '.repeat(400);
    const requestShort = await time('request, 2.4 KB note', shortNote.length, ask(shortNote));
    const requestPlain = await time('request, 900 KB plain note', PLAIN_VALUE.length, ask(PLAIN_VALUE));
    const requestHostile = await time('request, 900 KB note of "; got "', HOSTILE_VALUE.length, ask(HOSTILE_VALUE));
    const cases = [translateShort, translateLong, requestShort, requestPlain, requestHostile];
    return {
      cases,
      ratios: {
        translate: ratio(translateLong, translateShort),
        requestVsSameSize: ratio(requestHostile, requestPlain),
        requestVsShort: ratio(requestHostile, requestShort),
      },
    };
  } finally {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  }
}
