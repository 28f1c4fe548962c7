/**
 * The main queries read only what they need: no full scan of a table that grows with the history
 * (statuses, audit_log, agreements), except the two whose answer is about the whole history
 * (bench/query-plans.ts says why). Plans are checked on a small synthetic history; without
 * ANALYZE statistics SQLite chooses the same plan at any size. The timings are bench/scale.ts's.
 */
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_FULL_SCANS, explain, mainQueries } from '../../bench/query-plans.ts';
import { statuses } from '../../db/schema.ts';
import { generateSyntheticHistory } from '../../scripts/synthetic-history.ts';
import { tempDir } from '../helper.ts';

describe('query plans of the main queries', () => {
  const path = join(tempDir(), 'history.sqlite');
  const { newestQuarter } = generateSyntheticHistory(path, { areas: 120, quarters: 12, auditRows: 5000 });
  const sqlite = new Sqlite(path);
  const actorId = sqlite.prepare('SELECT max(id) FROM users').pluck().get() as number;

  it.each(mainQueries(newestQuarter, '0101', actorId).map((query) => [query.name, query] as const))('%s', (name, query) => {
    const statements = explain(sqlite, query);
    expect(statements.length).toBeGreaterThan(0);
    const scans = statements.flatMap((statement) => statement.fullScans);
    if (ACCEPTED_FULL_SCANS[name]) expect(scans.length).toBeLessThanOrEqual(1);
    else expect(scans, statements.map((s) => s.plan.join(' | ')).join('\n')).toEqual([]);
  });

  it('finds a full scan when there is one', () => {
    const [statement] = explain(sqlite, { name: 'notes', run: (db) => db.select().from(statuses).where(like(statuses.note, '%x%')).all() });
    expect(statement.fullScans).toEqual(['SCAN statuses']);
  });
});
