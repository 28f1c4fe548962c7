/**
 * The read side of the monitoring database, bound to the app's connection. Handlers call one
 * method each; the SQL lives in db/queries. Reads that depend on who asks take the caller's
 * audience: drafts and free text are cut here (db/queries/visible.ts), and cached answers are
 * kept per audience.
 */
import fp from 'fastify-plugin';
import type { Db } from '../../db/client.ts';
import { VISIBILITY, type Audience } from '../../db/domain/audience.ts';
import { REASON_LABELS, REASONS } from '../../db/domain/reason.ts';
import { cachedRead } from '../../db/queries/cache.ts';
import * as queries from '../../db/queries/index.ts';
import { visibleAreas, visibleHistory, visibleMatrix, visibleStatuses } from '../../db/queries/visible.ts';
import { jsonAnswer, type JsonAnswer } from '../http/json-answer.ts';

export function createRepository(db: Db) {
  /** The dashboard's frequent reads as JSON text, made once per change of the database and audience. */
  const json = (key: string, audience: Audience, read: () => unknown): JsonAnswer =>
    cachedRead(db, `json:${key}:${audience}`, () => jsonAnswer(read()));
  const scope = (audience: Audience) => ({ finalOnly: !VISIBILITY[audience].drafts });
  return {
    json: {
      quarters: (audience: Audience) => json('quarters', audience, () => queries.listQuarters(db, scope(audience))),
      statuses: (quarterCode: string, audience: Audience) =>
        json(`statuses:${quarterCode}`, audience, () => visibleStatuses(queries.quarterStatuses(db, quarterCode), audience)),
      summary: (quarterCode: string, audience: Audience) => json(`summary:${quarterCode}`, audience, () => queries.quarterSummary(db, quarterCode)),
      history: (code: string, audience: Audience) =>
        json(`history:${code}`, audience, () => visibleHistory(queries.municipalityHistory(db, code, scope(audience))!, audience)),
      matrix: (range: { from?: string; to?: string }, audience: Audience) =>
        json(`matrix:${range.from}:${range.to}`, audience, () => visibleMatrix(queries.statusMatrix(db, { ...range, ...scope(audience) }), audience)),
      trends: (audience: Audience) => json('trends', audience, () => queries.quarterTrends(db, scope(audience))),
    },
    municipalities: () => queries.listMunicipalities(db),
    municipality: (code: string) => queries.findMunicipality(db, code),
    quarters: (audience: Audience = 'editor') => queries.listQuarters(db, scope(audience)),
    quarter: (code: string) => queries.findQuarter(db, code),
    /** Whether the audience may see the quarter: drafts only for those who enter them. */
    mayRead: (quarter: { state: 'open' | 'final' }, audience: Audience) => quarter.state === 'final' || VISIBILITY[audience].drafts,
    statuses: (quarterCode: string) => queries.quarterStatuses(db, quarterCode),
    summary: (quarterCode: string) => queries.quarterSummary(db, quarterCode),
    defaultQuarter: (audience: Audience) => queries.defaultQuarter(db, scope(audience)),
    areas: (audience: Audience) => visibleAreas(queries.listAreas(db), audience),
    priorities: (quarterCode: string, audience: Audience) => queries.priorityList(db, quarterCode, scope(audience)),
    meta: (audience: Audience) => ({
      dataset: queries.datasetKind(db),
      defaultQuarter: queries.defaultQuarter(db, scope(audience)) ?? null,
      categoryDefinitions: queries.listCategoryDefinitions(db),
      reasons: REASONS.map((code) => ({ code, label: REASON_LABELS[code] })),
      regions: queries.listRegions(db),
    }),
    /** While true, `ANONYMOUS_READ=auto` lets anyone read: the invented demo data and no accounts yet. */
    isUnclaimedDemo: () => cachedRead(db, 'unclaimed-demo', () => queries.datasetKind(db) === 'demo' && queries.userCount(db) === 0),
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
