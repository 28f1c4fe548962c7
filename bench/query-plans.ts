/**
 * The SQL behind the main queries and SQLite's plan for each (EXPLAIN QUERY PLAN). A plan line
 * `SCAN statuses` (with or without an index) reads the whole table: the query then slows down as
 * the history grows. `SEARCH` reads only the rows it needs.
 */
import type Sqlite from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/client.ts';
import { unsettledMunicipalities } from '../db/writes/quarters.ts';
import * as queries from '../db/queries/index.ts';
import * as schema from '../db/schema.ts';

/** Tables that grow with the history; a full scan of one of them does not stay flat. */
export const GROWING_TABLES = ['statuses', 'audit_log', 'agreements'] as const;

export interface QueryPlan {
  sql: string;
  plan: string[];
  /** Plan lines that read a growing table from end to end. */
  fullScans: string[];
}

/**
 * Full scans that are in the nature of the question, with the reason. Everything else must SEARCH.
 */
export const ACCEPTED_FULL_SCANS: Record<string, string> = {
  'quarter list with counts':
    'it counts every quarter, so it reads one entry per status row, from a small covering index; the answer is cached until the next write',
  'audit log, first page':
    'the page total counts the whole log (about 10 ms at a million rows); the rows themselves are read newest first and stop after the page',
};

export interface MainQuery {
  name: string;
  run(db: Db): unknown;
}

/** The queries behind the dashboard's routes, the audit log page and the finalise check. */
export function mainQueries(quarter: string, municipality: string, actorId: number): MainQuery[] {
  const page = { limit: 100, offset: 0 };
  return [
    { name: 'statuses of a quarter', run: (db) => queries.quarterStatuses(db, quarter) },
    { name: 'summary of a quarter', run: (db) => queries.quarterSummary(db, quarter) },
    { name: 'municipality history', run: (db) => queries.municipalityHistory(db, municipality) },
    { name: 'quarter list with counts', run: (db) => queries.listQuarters(db) },
    { name: 'default quarter', run: (db) => queries.defaultQuarter(db) },
    { name: 'unsettled municipalities', run: (db) => unsettledMunicipalities(db, quarter) },
    { name: 'agreements of a municipality', run: (db) => queries.listAgreements(db, { municipalityCode: municipality }) },
    { name: 'audit log, first page', run: (db) => queries.listAudit(db, page) },
    { name: 'audit log of a municipality', run: (db) => queries.listAudit(db, { ...page, municipalityCode: municipality }) },
    { name: 'audit log of a quarter', run: (db) => queries.listAudit(db, { ...page, quarterCode: quarter }) },
    { name: 'audit log of a user', run: (db) => queries.listAudit(db, { ...page, actorId }) },
  ];
}

/** Runs a query through a connection that records its SQL, then asks SQLite for each plan. */
export function explain(sqlite: Sqlite.Database, query: MainQuery): QueryPlan[] {
  const statements: { sql: string; params: unknown[] }[] = [];
  const recording = drizzle({
    client: sqlite,
    schema,
    casing: 'snake_case',
    logger: { logQuery: (sql, params) => statements.push({ sql, params }) },
  }) as Db;
  // Inside a read transaction the answer cache is bypassed, so every statement really runs.
  sqlite.exec('BEGIN');
  try {
    query.run(recording);
  } finally {
    sqlite.exec('COMMIT');
  }
  return statements.map(({ sql, params }) => {
    const plan = sqlite
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p)))
      .map((row) => (row as { detail: string }).detail);
    // An index walked in ORDER BY order under a LIMIT stops after the page: bounded, not a full scan.
    const stopsAtLimit = /\blimit\b/i.test(sql) && !plan.some((line) => line.includes('TEMP B-TREE FOR ORDER BY'));
    const fullScans = plan.filter(
      (line) =>
        GROWING_TABLES.some((table) => new RegExp(`^SCAN ${table}\\b`).test(line)) && !(stopsAtLimit && / USING INDEX /.test(line)),
    );
    return { sql, plan, fullScans };
  });
}
