import type { Db } from '../../db/client.ts';
import type { Audience } from '../../db/domain/audience.ts';
import { priorityList } from '../../db/queries/index.ts';
import type { PriorityRow } from '../schemas/consultants.ts';
import { scopeOf } from './answers.ts';

export function prioritiesRepository(db: Db) {
  return {
    /** Every municipality of a quarter (or of one area), most in need of support first. */
    list: (quarterCode: string, audience: Audience, areaId?: number): PriorityRow[] => {
      const rows = priorityList(db, quarterCode, scopeOf(audience));
      return areaId === undefined ? rows : rows.filter((row) => row.areaId === areaId);
    },
  };
}
