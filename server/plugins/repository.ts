/**
 * The read side of the monitoring database, bound to the app's connection. Handlers call one
 * method each; the SQL lives in db/queries.
 */
import fp from 'fastify-plugin';
import type { Db } from '../../db/client.ts';
import { REASON_LABELS, REASONS } from '../../db/domain/reason.ts';
import { cachedRead } from '../../db/queries/cache.ts';
import * as queries from '../../db/queries/index.ts';
import { jsonAnswer, type JsonAnswer } from '../json-answer.ts';

export function createRepository(db: Db) {
  /** The dashboard's frequent reads as JSON text, made once per change of the database. */
  const json = (key: string, read: () => unknown): JsonAnswer => cachedRead(db, `json:${key}`, () => jsonAnswer(read()));
  return {
    json: {
      quarters: () => json('quarters', () => queries.listQuarters(db)),
      statuses: (quarterCode: string) => json(`statuses:${quarterCode}`, () => queries.quarterStatuses(db, quarterCode)),
      summary: (quarterCode: string) => json(`summary:${quarterCode}`, () => queries.quarterSummary(db, quarterCode)),
      history: (code: string) => json(`history:${code}`, () => queries.municipalityHistory(db, code)),
      matrix: (range: { from?: string; to?: string }) => json(`matrix:${range.from}:${range.to}`, () => queries.statusMatrix(db, range)),
      trends: () => json('trends', () => queries.quarterTrends(db)),
    },
    municipalities: () => queries.listMunicipalities(db),
    municipality: (code: string) => queries.findMunicipality(db, code),
    quarters: () => queries.listQuarters(db),
    quarter: (code: string) => queries.findQuarter(db, code),
    statuses: (quarterCode: string) => queries.quarterStatuses(db, quarterCode),
    summary: (quarterCode: string) => queries.quarterSummary(db, quarterCode),
    history: (code: string) => queries.municipalityHistory(db, code),
    defaultQuarter: () => queries.defaultQuarter(db),
    matrix: (range: { from?: string; to?: string }) => queries.statusMatrix(db, range),
    trends: () => queries.quarterTrends(db),
    meta: () => ({
      dataset: queries.datasetKind(db),
      defaultQuarter: queries.defaultQuarter(db) ?? null,
      categoryDefinitions: queries.listCategoryDefinitions(db),
      reasons: REASONS.map((code) => ({ code, label: REASON_LABELS[code] })),
      regions: queries.listRegions(db),
    }),
    /** A real read of a real table: proves the file is open and the schema is in place. */
    isHealthy: () => queries.municipalityCount(db) > 0,
  };
}

export type Repository = ReturnType<typeof createRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    repository: Repository;
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('repository', createRepository(fastify.database.db));
  },
  { name: 'repository', dependencies: ['database'] },
);
