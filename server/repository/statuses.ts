import type { Db } from '../../db/client.ts';
import type { Audience } from '../../db/domain/audience.ts';
import { quarterStatuses, statusMatrix } from '../../db/queries/index.ts';
import { visibleMatrix, visibleStatuses } from '../../db/queries/visible.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { saveStatuses, type StatusInput } from '../../db/writes/statuses.ts';
import type { SaveResult } from '../schemas/entry.ts';
import type { MunicipalityStatus, StatusMatrix } from '../schemas/quarter.ts';
import { cachedAnswer, scopeOf } from './answers.ts';

export function statusesRepository(db: Db) {
  return {
    /** All 98 municipalities in a quarter the audience may read. */
    ofQuarter: (quarterCode: string, audience: Audience) =>
      cachedAnswer<MunicipalityStatus[]>(db, `statuses:${quarterCode}`, audience, () => visibleStatuses(quarterStatuses(db, quarterCode), audience)),
    /** Every municipality's category in every quarter of a range (both ends optional). */
    matrix: (range: { from?: string; to?: string }, audience: Audience) =>
      cachedAnswer<StatusMatrix>(db, `matrix:${range.from}:${range.to}`, audience, () =>
        visibleMatrix(statusMatrix(db, { ...range, ...scopeOf(audience) }), audience),
      ),
    /** Every row or none, in one transaction. */
    save: (quarterCode: string, rows: StatusInput[], actor: Actor): SaveResult => saveStatuses(db, quarterCode, rows, actor),
  };
}
