/** Reception quotas per municipality and year; a zero quota counts as "need covered". */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { COUNT_MAX } from '../domain/limits.ts';
import { FIRST_QUARTER } from '../domain/quarter.ts';
import { invalid } from '../errors.ts';
import { receptionQuotas } from '../schema.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { checkMunicipalityRows } from './municipality-rows.ts';

export interface QuotaInput {
  code: string;
  /** Refugees to receive that year; null when not known. */
  quota: number | null;
  zeroQuota: boolean;
}

export function saveQuotas(db: Db, year: number, inputs: QuotaInput[], actor: Actor, now = new Date()): { saved: string[] } {
  const at = now.toISOString();
  const firstYear = Number(FIRST_QUARTER.slice(0, 4));
  const lastYear = now.getUTCFullYear() + 1;
  if (!Number.isInteger(year) || year < firstYear || year > lastYear) {
    throw invalid(`year: must be from ${firstYear} to ${lastYear}; got ${year}`);
  }
  return db.transaction(
    (tx) => {
      const rows = checkMunicipalityRows(tx, inputs, (input, code, problem) => {
        if (input.quota !== null && (!Number.isInteger(input.quota) || input.quota < 0 || input.quota > COUNT_MAX)) {
          return problem('quota', `must be a whole number from 0 to ${COUNT_MAX}, or empty`), [];
        }
        if (input.zeroQuota && input.quota !== null && input.quota > 0) {
          return problem('zeroQuota', `a zero-quota municipality cannot have a quota of ${input.quota}`), [];
        }
        return [{ code, quota: input.zeroQuota ? 0 : input.quota, zeroQuota: input.zeroQuota || input.quota === 0 }];
      });

      const saved: string[] = [];
      for (const row of rows) {
        const where = and(eq(receptionQuotas.municipalityCode, row.code), eq(receptionQuotas.year, year));
        const before = tx.select().from(receptionQuotas).where(where).get();
        if (before && before.quota === row.quota && before.zeroQuota === row.zeroQuota) continue;
        if (before) tx.update(receptionQuotas).set({ quota: row.quota, zeroQuota: row.zeroQuota }).where(where).run();
        else tx.insert(receptionQuotas).values({ municipalityCode: row.code, year, quota: row.quota, zeroQuota: row.zeroQuota }).run();
        appendAudit(tx, actor, at, {
          action: before ? 'update' : 'create',
          entity: 'quota',
          entityKey: `${year}/${row.code}`,
          municipalityCode: row.code,
          oldValue: before ? { quota: before.quota, zeroQuota: before.zeroQuota } : null,
          newValue: { quota: row.quota, zeroQuota: row.zeroQuota },
        });
        saved.push(row.code);
      }
      return { saved };
    },
    { behavior: 'immediate' },
  );
}
