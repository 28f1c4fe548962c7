/**
 * The read side of the monitoring database, bound to the app's connection. Handlers call one
 * method each; the SQL lives in db/queries.
 */
import fp from 'fastify-plugin';
import type { Db } from '../../db/client.ts';
import { REASON_LABELS, REASONS } from '../../db/domain/reason.ts';
import * as queries from '../../db/queries/index.ts';

export function createRepository(db: Db) {
  return {
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
