/**
 * What every resource's reads share: which quarters an audience may read, and the dashboard's
 * frequent reads kept as ready-made JSON (http/json-answer.ts), made once per change of the
 * database and audience (db/queries/cache.ts).
 */
import type { Db } from '../../db/client.ts';
import { VISIBILITY, type Audience } from '../../db/domain/audience.ts';
import { cachedRead } from '../../db/queries/cache.ts';
import type { QuarterScope } from '../../db/queries/quarters.ts';
import { jsonAnswer, type JsonAnswer } from '../http/json-answer.ts';

/** Drafts (open quarters) are for those who enter them. */
export const scopeOf = (audience: Audience): QuarterScope => ({ finalOnly: !VISIBILITY[audience].drafts });

/**
 * `T` is the answer's schema type (`Static<typeof X>`): a query whose result drifts from the
 * schema the route documents fails to compile here.
 */
export function cachedAnswer<T>(db: Db, key: string, audience: Audience, read: () => T): JsonAnswer {
  return cachedRead(db, `json:${key}:${audience}`, () => jsonAnswer(read()));
}
