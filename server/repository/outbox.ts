import type { Db } from '../../db/client.ts';
import { dueMail, markAttemptFailed, markSent, purgeOldMail, queueMail, type NewMail } from '../../db/writes/outbox.ts';
import type { OutboxStore } from '../mail/outbox.ts';

/** Sent and abandoned mail is kept this long, then deleted with the ended sessions. */
const KEEP_MAIL_MS = 30 * 24 * 60 * 60 * 1000;

/** The mail outbox, as the sender (server/mail/outbox.ts) uses it. */
export function outboxRepository(db: Db): OutboxStore & { purgeOld(now: Date): number } {
  return {
    queue: (mail: NewMail, now: Date) => queueMail(db, mail, now),
    due: (now: Date) => dueMail(db, now),
    sent: (id: number, now: Date) => markSent(db, id, now),
    failed: (id: number, attempts: number, error: string, retryAt: Date | null, now: Date) => markAttemptFailed(db, id, attempts, error, retryAt, now),
    purgeOld: (now: Date) => purgeOldMail(db, new Date(now.getTime() - KEEP_MAIL_MS)),
  };
}
