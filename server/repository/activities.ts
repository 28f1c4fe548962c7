import type { Db } from '../../db/client.ts';
import type { Audience } from '../../db/domain/audience.ts';
import { listActivities, type ActivityFilter } from '../../db/queries/index.ts';
import { visibleActivities } from '../../db/queries/visible.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { logActivity, type ActivityInput } from '../../db/writes/support.ts';
import type { Activity } from '../schemas/consultants.ts';

export function activitiesRepository(db: Db) {
  return {
    /** The support log, newest first. */
    list: (filter: ActivityFilter, audience: Audience): Activity[] => visibleActivities(listActivities(db, filter), audience),
    /** Answers the new entry as the log lists it, with its municipality's name. */
    log: (input: ActivityInput, actor: Actor): Activity => {
      const row = logActivity(db, input, actor);
      return listActivities(db, { municipalityCode: row.municipalityCode }).find((a) => a.id === row.id)!;
    },
  };
}
