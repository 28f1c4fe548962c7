/** Reception quotas per municipality and year; a zero quota counts as "need covered". */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { COUNT_MAX } from '../domain/limits.ts';
import { normaliseMunicipalityCode } from '../domain/municipality-code.ts';
import { FIRST_QUARTER } from '../domain/quarter.ts';
import { invalid, type RowProblem } from '../errors.ts';
import { municipalities, receptionQuotas } from '../schema.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';

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
      const known = new Set(tx.select({ code: municipalities.code }).from(municipalities).all().map((m) => m.code));
      const problems: RowProblem[] = [];
      const seen = new Set<string>();
      const rows = inputs.flatMap((input, index) => {
        const code = normaliseMunicipalityCode(String(input.code ?? ''));
        const problem = (field: string, message: string) => problems.push({ row: index + 1, code: code ?? undefined, field, message });
        if (!code || !known.has(code)) return problem('code', `${JSON.stringify(input.code)} is not one of the 98 municipality codes`), [];
        if (seen.has(code)) return problem('code', `${code} appears more than once`), [];
        seen.add(code);
        if (input.quota !== null && (!Number.isInteger(input.quota) || input.quota < 0 || input.quota > COUNT_MAX)) {
          return problem('quota', `must be a whole number from 0 to ${COUNT_MAX}, or empty`), [];
        }
        if (input.zeroQuota && input.quota !== null && input.quota > 0) {
          return problem('zeroQuota', `a zero-quota municipality cannot have a quota of ${input.quota}`), [];
        }
        return [{ code, quota: input.zeroQuota ? 0 : input.quota, zeroQuota: input.zeroQuota || input.quota === 0 }];
      });
      if (problems.length > 0) throw invalid(`${problems.length} rows have errors; nothing was saved`, { errors: problems });

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
