/** Recruitment numbers per municipality and quarter, entered beside the quarter's statuses. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { COUNT_MAX } from '../domain/limits.ts';
import { MEASURES, type Measure } from '../domain/recruitment.ts';
import { locked, notFound } from '../errors.ts';
import { quarters, recruitmentMeasures } from '../schema.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { checkMunicipalityRows } from './municipality-rows.ts';


export type RecruitmentInput = { code: string } & Partial<Record<Measure, number | null>>;

export function saveRecruitment(db: Db, quarterCode: string, inputs: RecruitmentInput[], actor: Actor, now = new Date()): string[] {
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const quarter = tx.select().from(quarters).where(eq(quarters.code, quarterCode)).get();
      if (!quarter) throw notFound(`quarter: ${quarterCode} is not in the database`);
      if (quarter.state === 'final') throw locked(`quarter ${quarterCode} is final; an administrator must reopen it before anything can change`);
      const rows = checkMunicipalityRows(tx, inputs, (input, code, problem) => {
        for (const measure of MEASURES) {
          const value = input[measure];
          if (value !== undefined && value !== null && (!Number.isInteger(value) || value < 0 || value > COUNT_MAX)) {
            problem(measure, `must be a whole number from 0 to ${COUNT_MAX}, or empty`);
          }
        }
        return [{ code, values: Object.fromEntries(MEASURES.map((m) => [m, input[m] ?? null])) as Record<Measure, number | null> }];
      });

      const saved: string[] = [];
      for (const { code, values } of rows) {
        const where = and(eq(recruitmentMeasures.quarterCode, quarterCode), eq(recruitmentMeasures.municipalityCode, code));
        const before = tx.select().from(recruitmentMeasures).where(where).get();
        if (before && MEASURES.every((m) => before[m] === values[m])) continue;
        if (before) tx.update(recruitmentMeasures).set({ ...values, updatedBy: actor.name, updatedById: actor.id, updatedAt: at }).where(where).run();
        else tx.insert(recruitmentMeasures).values({ quarterCode, municipalityCode: code, ...values, updatedBy: actor.name, updatedById: actor.id, updatedAt: at }).run();
        appendAudit(tx, actor, at, {
          action: before ? 'update' : 'create',
          entity: 'recruitment',
          entityKey: `${quarterCode}/${code}`,
          municipalityCode: code,
          quarterCode,
          oldValue: before ? Object.fromEntries(MEASURES.map((m) => [m, before[m]])) : null,
          newValue: values,
        });
        saved.push(code);
      }
      return saved;
    },
    { behavior: 'immediate' },
  );
}
