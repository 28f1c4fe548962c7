/**
 * A quarter's deadline: the date (Europe/Copenhagen) by which every municipality should be
 * settled. Optional; set when the quarter is opened or later, changed or cleared by an
 * administrator while the quarter is open.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { quarterStart } from '../domain/quarter.ts';
import { invalid, locked, notFound } from '../errors.ts';
import { quarters } from '../schema.ts';
import type { Actor } from './actor.ts';
import { aboutQuarter, appendAudit } from './audit.ts';

export function setDeadline(db: Db, quarterCode: string, deadline: string | null, actor: Actor, now = new Date()): void {
  const at = now.toISOString();
  db.transaction(
    (tx) => {
      const quarter = tx.select().from(quarters).where(eq(quarters.code, quarterCode)).get();
      if (!quarter) throw notFound(`quarter: ${quarterCode} is not in the database`);
      if (quarter.state === 'final') throw locked(`quarter ${quarterCode} is final; reopen it before changing its deadline`);
      if (deadline !== null && deadline < quarterStart(quarterCode)) {
        throw invalid(`deadline: must not be before the quarter begins (${quarterStart(quarterCode)})`);
      }
      if (quarter.deadline === deadline) return;
      tx.update(quarters).set({ deadline }).where(eq(quarters.code, quarterCode)).run();
      appendAudit(tx, actor, at, aboutQuarter('quarter', quarterCode, 'deadline', {
        oldValue: { deadline: quarter.deadline },
        newValue: { deadline },
      }));
    },
    { behavior: 'immediate' },
  );
}
