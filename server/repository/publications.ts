import type { Db } from '../../db/client.ts';
import { publishedCountsCsv, publishedMunicipalitiesCsv } from '../../db/export/published.ts';
import { cachedRead } from '../../db/queries/cache.ts';
import { findPublication, listPublications } from '../../db/queries/publications.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { publishQuarter, withdrawQuarter } from '../../db/writes/publications.ts';
import { jsonAnswer, type JsonAnswer } from '../http/json-answer.ts';
import type { PublishedEntry, PublishedQuarter } from '../schemas/outreach.ts';

/**
 * Published quarters: the same for every reader, with or without a login, so each answer is kept
 * once as ready-made JSON (http/json-answer.ts) until the database changes.
 */
export function publicationsRepository(db: Db) {
  const list = (): PublishedEntry[] =>
    listPublications(db).map(({ quarter, publishedAt, dataset, counts, municipalitiesWithOffer, zeroQuota }) => ({
      quarter,
      publishedAt,
      dataset,
      counts,
      municipalitiesWithOffer,
      zeroQuota,
    }));
  return {
    find: (code: string): PublishedQuarter | undefined => findPublication(db, code),
    isPublished: (code: string): boolean => findPublication(db, code) !== undefined,
    list,
    listAnswer: (): JsonAnswer => cachedRead(db, 'json:published', () => jsonAnswer(list())),
    answer: (code: string): JsonAnswer | undefined => {
      const published = findPublication(db, code);
      return published && cachedRead(db, `json:published:${code}`, () => jsonAnswer(published));
    },
    /** Category per municipality as CSV; undefined when the quarter is not published. */
    csv: (code: string): Buffer | undefined => {
      const published = findPublication(db, code);
      return published && publishedMunicipalitiesCsv(published);
    },
    countsCsv: (): Buffer => publishedCountsCsv(listPublications(db)),
    publish: (code: string, actor: Actor, now: Date): PublishedQuarter => publishQuarter(db, code, actor, now),
    withdraw: (code: string, actor: Actor, now: Date): void => withdrawQuarter(db, code, actor, now),
  };
}
