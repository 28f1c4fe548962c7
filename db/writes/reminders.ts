/**
 * Reminders decided on by the scheduler. Each has a key naming its reason (kind, quarter,
 * deadline, person); the key is the table's primary key, so a reminder is recorded, queued and
 * audited once, whatever runs it twice (two ticks, a restart, a second process).
 */
import type { Db } from '../client.ts';
import type { ReminderKind } from '../domain/mail.ts';
import { remindersSent } from '../schema/outreach.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { appendAudit } from './audit.ts';
import { queueMail, type NewMail } from './outbox.ts';

export interface ReminderToSend {
  key: string;
  kind: ReminderKind;
  quarterCode: string;
  deadline: string | null;
  mail: NewMail;
  /** Recorded in the audit log: what the reminder listed (codes and counts, no text). */
  details: Record<string, unknown>;
}

/**
 * Records the reminder, queues its mail and appends its audit row in one transaction; false when
 * a reminder with the same key was recorded before (nothing is done then).
 */
export function recordReminder(db: Db, reminder: ReminderToSend, now: Date): boolean {
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const inserted = tx
        .insert(remindersSent)
        .values({ key: reminder.key, kind: reminder.kind, quarterCode: reminder.quarterCode, userId: reminder.mail.userId, deadline: reminder.deadline, at })
        .onConflictDoNothing()
        .run().changes;
      if (inserted === 0) return false;
      const mailId = queueMail(tx, reminder.mail, now);
      appendAudit(tx, SYSTEM_ACTOR, at, {
        action: reminder.kind,
        entity: 'reminder',
        entityKey: reminder.key,
        quarterCode: reminder.quarterCode,
        newValue: { userId: reminder.mail.userId, mailId, deadline: reminder.deadline, ...reminder.details },
      });
      return true;
    },
    { behavior: 'immediate' },
  );
}
