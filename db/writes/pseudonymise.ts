/**
 * Pseudonymising a person who has left: their name and e-mail address are replaced everywhere
 * they appear (the account and the mail and links addressed to it; who changed statuses, recruitment numbers and quarters; who logged
 * support activities; notes and reason texts that name them; the audit log), the account is
 * disabled for good and leaves its areas.
 * What they did stays, attributed to "Tidligere bruger 12".
 *
 * The audit log is append-only (triggers refuse UPDATE). This is the one write that rewrites it:
 * inside its transaction the update trigger is dropped and created again from its own stored SQL,
 * so the rewrite and the guard come back together or not at all.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { invalid, notFound } from '../errors.ts';
import {
  areaConsultants,
  auditLog,
  loginFailures,
  quarters,
  recruitmentMeasures,
  sessions,
  statuses,
  supportActivities,
  users,
} from '../schema.ts';
import { accountTokens, mailOutbox } from '../schema/outreach.ts';
import { actorLabel, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { NO_PASSWORD, publicUser, type PublicUser } from './users.ts';

const GUARD = 'audit_log_no_update';
const FREE_TEXT = [
  ['statuses', 'note'],
  ['statuses', 'reason_text'],
  ['agreements', 'note'],
  ['support_activities', 'note'],
] as const;

export function pseudonymFor(id: number): { name: string; email: string } {
  return { name: `Tidligere bruger ${id}`, email: `tidligere-bruger-${id}@pseudonym.invalid` };
}

export function pseudonymiseUser(db: Db, id: number, actor: Actor, now = new Date()): PublicUser {
  if (actor.id === id) throw invalid('id: you cannot pseudonymise your own account; ask another administrator');
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const before = tx.select().from(users).where(eq(users.id, id)).get();
      if (!before) throw notFound(`id: user ${id} does not exist`);
      const pseudonym = pseudonymFor(id);
      // An unusable hash: no password verifies against it.
      tx.update(users).set({ ...pseudonym, disabled: true, passwordHash: NO_PASSWORD, updatedAt: at }).where(eq(users.id, id)).run();
      tx.delete(sessions).where(eq(sessions.userId, id)).run();
      // Links and mail addressed to them, sent or waiting, go with the person.
      tx.delete(accountTokens).where(eq(accountTokens.userId, id)).run();
      tx.delete(mailOutbox).where(eq(mailOutbox.userId, id)).run();
      tx.delete(areaConsultants).where(eq(areaConsultants.userId, id)).run();
      tx.delete(loginFailures).where(eq(loginFailures.email, before.email)).run();

      tx.update(statuses).set({ updatedBy: pseudonym.name }).where(eq(statuses.updatedById, id)).run();
      tx.update(recruitmentMeasures).set({ updatedBy: pseudonym.name }).where(eq(recruitmentMeasures.updatedById, id)).run();
      tx.update(supportActivities).set({ createdBy: pseudonym.name }).where(eq(supportActivities.createdById, id)).run();
      tx.update(quarters).set({ finalisedBy: pseudonym.name }).where(eq(quarters.finalisedById, id)).run();
      // Free text that names them: the exact full name and address, where a colleague wrote it.
      for (const [old, replacement] of [
        [before.name, pseudonym.name],
        [before.email, pseudonym.email],
      ]) {
        for (const [table, column] of FREE_TEXT) {
          tx.run(sql`UPDATE ${sql.identifier(table)} SET ${sql.identifier(column)} = replace(${sql.identifier(column)}, ${old}, ${replacement}) WHERE instr(${sql.identifier(column)}, ${old}) > 0`);
        }
      }

      const guard = tx.get<{ sql: string } | undefined>(sql`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ${GUARD}`);
      if (!guard) throw new Error(`the audit log's guard ${GUARD} is missing`);
      tx.run(sql.raw(`DROP TRIGGER ${GUARD}`));
      tx.update(auditLog).set({ actor: actorLabel({ id, ...pseudonym }) }).where(eq(auditLog.actorId, id)).run();
      // Names and addresses written into values and reasons (an account's own audit rows, a note).
      // JSON columns hold the text JSON-escaped, so they are searched for it in that form.
      for (const [old, replacement] of [
        [before.name, pseudonym.name],
        [before.email, pseudonym.email],
      ]) {
        const inJson = JSON.stringify(old).slice(1, -1);
        const inJsonReplacement = JSON.stringify(replacement).slice(1, -1);
        tx.run(sql`UPDATE audit_log SET old_value = replace(old_value, ${inJson}, ${inJsonReplacement}) WHERE instr(old_value, ${inJson}) > 0`);
        tx.run(sql`UPDATE audit_log SET new_value = replace(new_value, ${inJson}, ${inJsonReplacement}) WHERE instr(new_value, ${inJson}) > 0`);
        tx.run(sql`UPDATE audit_log SET reason = replace(reason, ${old}, ${replacement}) WHERE instr(reason, ${old}) > 0`);
        tx.run(sql`UPDATE audit_log SET actor = replace(actor, ${old}, ${replacement}) WHERE instr(actor, ${old}) > 0`);
      }
      tx.run(sql.raw(guard.sql));

      appendAudit(tx, actor, at, { action: 'pseudonymise', entity: 'user', entityKey: String(id), newValue: { name: pseudonym.name } });
      return publicUser(tx.select().from(users).where(eq(users.id, id)).get()!);
    },
    { behavior: 'immediate' },
  );
}
