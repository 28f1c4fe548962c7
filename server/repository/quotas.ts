import type { Db } from '../../db/client.ts';
import { yearQuotas } from '../../db/queries/index.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { saveQuotas, type QuotaInput } from '../../db/writes/quotas.ts';
import type { QuotaRow } from '../schemas/records.ts';

export function quotasRepository(db: Db) {
  return {
    /** All 98 municipalities for a year, with their quota when one is registered. */
    ofYear: (year: number): QuotaRow[] => yearQuotas(db, year),
    save: (year: number, rows: QuotaInput[], actor: Actor): QuotaRow[] => {
      saveQuotas(db, year, rows, actor);
      return yearQuotas(db, year);
    },
  };
}
