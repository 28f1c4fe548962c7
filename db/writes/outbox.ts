/**
 * The mail outbox (db/schema/outreach.ts): rows are added by requests and the reminder scheduler,
 * and the sender (server/mail/outbox.ts) takes the due ones, marks each sent, or schedules the
 * next attempt when the SMTP server could not be reached.
 */
import { and, asc, eq, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Conn, Db } from '../client.ts';
import type { MailKind } from '../domain/mail.ts';
import { users } from '../schema.ts';
import { mailOutbox } from '../schema/outreach.ts';

export interface NewMail {
  userId: number;
  kind: MailKind;
  subject: string;
  body: string;
}

/** Adds a mail to the outbox, due at once; inside the caller's transaction when given one. */
export function queueMail(tx: Conn, mail: NewMail, now: Date): number {
  const at = now.toISOString();
  return tx.insert(mailOutbox).values({ ...mail, createdAt: at, nextAttemptAt: at }).returning({ id: mailOutbox.id }).get().id;
}

export interface DueMail {
  id: number;
  kind: MailKind;
  subject: string;
  body: string;
  attempts: number;
  /** Read when the mail goes out, so the outbox holds no address and a changed one applies. */
  to: string;
  disabled: boolean;
}

/** Mail not yet sent or given up on whose next attempt is due, oldest first. */
export function dueMail(db: Db, now: Date, limit = 50): DueMail[] {
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      subject: mailOutbox.subject,
      body: mailOutbox.body,
      attempts: mailOutbox.attempts,
      to: users.email,
      disabled: users.disabled,
    })
    .from(mailOutbox)
    .innerJoin(users, eq(users.id, mailOutbox.userId))
    .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), lte(mailOutbox.nextAttemptAt, now.toISOString())))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
    .limit(limit)
    .all();
}

export function markSent(db: Db, id: number, now: Date): void {
  db.update(mailOutbox)
    .set({ sentAt: now.toISOString(), lastError: null })
    .where(eq(mailOutbox.id, id))
    .run();
}

/** A failed attempt: tried again at `retryAt`, or given up on when that is null. */
export function markAttemptFailed(db: Db, id: number, attempts: number, error: string, retryAt: Date | null, now: Date): void {
  db.update(mailOutbox)
    .set({ attempts, lastError: error.slice(0, 500), nextAttemptAt: (retryAt ?? now).toISOString(), failedAt: retryAt ? null : now.toISOString() })
    .where(eq(mailOutbox.id, id))
    .run();
}

/** The earliest next attempt of mail still waiting, for the sender to sleep until. */
export function nextMailDue(db: Db): string | undefined {
  return db
    .select({ at: mailOutbox.nextAttemptAt })
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .get()?.at;
}

/** Sent and abandoned mail is kept for a while (to answer "did it go out?"), then deleted. */
export function purgeOldMail(db: Db, before: Date): number {
  const cutoff = before.toISOString();
  return db
    .delete(mailOutbox)
    .where(or(and(isNotNull(mailOutbox.sentAt), lte(mailOutbox.sentAt, cutoff)), and(isNotNull(mailOutbox.failedAt), lte(mailOutbox.failedAt, cutoff))))
    .run().changes;
}
