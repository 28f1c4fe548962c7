/**
 * Do the main queries stay flat as the history grows? Each large synthetic history is measured
 * beside a short one with the same number of areas, in the same run:
 *   98 municipalities:  11 quarters (the demo's size)      vs 160 quarters (40 years)
 *   2,000 areas:         4 quarters, ~100,000 audit rows   vs  40 quarters, ~1,000,000 audit rows
 * A ratio near 1 is flat. Query times are medians of repeated calls inside a read transaction, which
 * bypasses the answer cache (db/queries/cache.ts): this is the cost after every write. The query
 * plans of the largest history are recorded too (see query-plans.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/client.ts';
import { quarterStatuses } from '../db/queries/statuses.ts';
import { saveStatuses } from '../db/writes/statuses.ts';
import { generateSyntheticHistory, type SyntheticOptions, type SyntheticStats } from '../scripts/synthetic-history.ts';
import { ACCEPTED_FULL_SCANS, explain, mainQueries, type QueryPlan } from './query-plans.ts';

interface Case {
  name: string;
  options: SyntheticOptions;
  /** The short history this one is compared with. */
  baseline?: string;
}

const CASES: Case[] = [
  { name: '98 areas × 11 quarters', options: { areas: 98, quarters: 11 } },
  { name: '98 areas × 160 quarters (40 years)', options: { areas: 98, quarters: 160 }, baseline: '98 areas × 11 quarters' },
  { name: '2,000 areas × 4 quarters', options: { areas: 2000, quarters: 4, auditRows: 100_000 } },
  {
    name: '2,000 areas × 40 quarters, 1M audit rows',
    options: { areas: 2000, quarters: 40, auditRows: 1_000_000 },
    baseline: '2,000 areas × 4 quarters',
  },
];

export interface CaseResult {
  name: string;
  history: SyntheticStats;
  /** Median milliseconds per call. */
  queries: Record<string, number>;
  /** Median milliseconds to save 98 statuses in one transaction (with fsync). */
  bulkSave98: number;
  baseline: string | null;
  /** This case's time divided by its baseline's, per query: near 1 is flat. */
  ratios: Record<string, number> | null;
}

export interface ScaleResults {
  cases: CaseResult[];
  plans: { case: string; queries: { name: string; statements: QueryPlan[]; accepted: string | null }[] };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** At least 15 calls and about half a second of calls; the median of their times. */
function timeQuery(run: () => unknown): number {
  run();
  const samples: number[] = [];
  const until = performance.now() + 500;
  while (samples.length < 15 || (performance.now() < until && samples.length < 500)) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return Math.round(median(samples) * 1000) / 1000;
}

function timeBulkSave(database: Database, quarter: string): number {
  const actor = { id: null, name: 'Benchmark', email: null };
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const rows = quarterStatuses(database.db, quarter).slice(0, 98);
    const start = performance.now();
    saveStatuses(
      database.db,
      quarter,
      rows.map((r) => ({ code: r.code, category: r.category, reason: r.reason, reasonText: r.reasonText, note: `benchmark ${i}`, version: r.version })),
      actor,
    );
    samples.push(performance.now() - start);
  }
  return Math.round(median(samples) * 100) / 100;
}

export async function runScaleBenchmark(): Promise<ScaleResults> {
  const work = mkdtempSync(join(tmpdir(), 'vv-bench-scale-'));
  const results: CaseResult[] = [];
  let plans: ScaleResults['plans'] | null = null;
  try {
    for (const scenario of CASES) {
      const path = join(work, `${results.length}.sqlite`);
      const history = generateSyntheticHistory(path, scenario.options);
      console.log(`${scenario.name}: generated ${history.auditRows} audit rows, ${(history.bytes / 2 ** 20).toFixed(0)} MB in ${history.seconds} s`);
      const database = openDatabase(path);
      const actorId = database.sqlite.prepare('SELECT id FROM users ORDER BY id DESC LIMIT 1').pluck().get() as number;
      const queries: Record<string, number> = {};
      const list = mainQueries(history.newestQuarter, '0101', actorId);
      // One read transaction for all timings: the cache is bypassed and every call does its work.
      database.sqlite.exec('BEGIN');
      for (const query of list) queries[query.name] = timeQuery(() => query.run(database.db));
      database.sqlite.exec('COMMIT');
      const bulkSave98 = timeBulkSave(database, history.newestQuarter);
      if (scenario === CASES.at(-1)) {
        plans = {
          case: scenario.name,
          queries: list.map((query) => ({ name: query.name, statements: explain(database.sqlite, query), accepted: ACCEPTED_FULL_SCANS[query.name] ?? null })),
        };
      }
      database.close();
      rmSync(path, { force: true });

      const baseline = results.find((r) => r.name === scenario.baseline) ?? null;
      const ratios = baseline
        ? Object.fromEntries(Object.entries({ ...queries, bulkSave98 }).map(([name, ms]) => [name, Math.round((ms / ({ ...baseline.queries, bulkSave98: baseline.bulkSave98 } as Record<string, number>)[name]) * 100) / 100]))
        : null;
      results.push({ name: scenario.name, history, queries, bulkSave98, baseline: baseline?.name ?? null, ratios });
      for (const [name, ms] of Object.entries({ ...queries, 'bulk save of 98 statuses': bulkSave98 })) {
        const ratio = ratios ? `  ×${ratios[name === 'bulk save of 98 statuses' ? 'bulkSave98' : name]} vs ${baseline!.name}` : '';
        console.log(`  ${name.padEnd(30)} ${ms.toFixed(3).padStart(9)} ms${ratio}`);
      }
    }
    for (const query of plans!.queries) {
      const scans = query.statements.flatMap((s) => s.fullScans);
      if (scans.length > 0) console.log(`full scan in "${query.name}": ${scans.join('; ')}${query.accepted ? ` (accepted: ${query.accepted})` : ' (NOT ACCEPTED)'}`);
    }
    return { cases: results, plans: plans! };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
