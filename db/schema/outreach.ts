/**
 * The tables of the quarter's reach (issue #15): account links, the mail outbox, reminders sent,
 * and published snapshots. Part of the single source of truth with db/schema.ts (drizzle.config.ts
 * reads both); kept apart so that each file can be read at once.
 */
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { oneOf } from '../checks.ts';
import { MAIL_KINDS, REMINDER_KINDS, TOKEN_PURPOSES } from '../domain/mail.ts';
import { quarters, users } from '../schema.ts';

/**
 * Single-use links that set a password ("Glemt adgangskode", an invitation to a new account). Only
 * the SHA-256 of the token is stored, as for sessions; using it deletes the row.
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    tokenHash: text().primaryKey(),
    userId: integer().notNull().references(() => users.id),
    purpose: text({ enum: TOKEN_PURPOSES }).notNull(),
    createdAt: text().notNull(),
    expiresAt: text().notNull(),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId, t.createdAt), check('account_token_purpose_known', oneOf(t.purpose, TOKEN_PURPOSES))],
);

/**
 * Mail waiting to go out, and mail sent. A request or the scheduler only adds a row; the sender
 * delivers it in the background and, when the SMTP server cannot be reached, tries again later
 * (attempts, nextAttemptAt), so no request ever waits for a mail server. The address is read
 * from the account when the mail goes out: the outbox holds no address, and a link that sets a
 * password stays in memory only (server/mail/outbox.ts).
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer().notNull().references(() => users.id),
    kind: text({ enum: MAIL_KINDS }).notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: text().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: text().notNull(),
    sentAt: text(),
    /** Given up on after the last attempt, or when the mail can no longer be sent (account disabled). */
    failedAt: text(),
    lastError: text(),
  },
  (t) => [index('mail_outbox_due_idx').on(t.sentAt, t.failedAt, t.nextAttemptAt), check('mail_kind_known', oneOf(t.kind, MAIL_KINDS))],
);

/**
 * Every reminder the scheduler has decided to send, by a key that names its reason (kind,
 * quarter, deadline, person). The key is the primary key: a reminder is never sent twice for the
 * same reason, however often the scheduler runs or restarts.
 */
export const remindersSent = sqliteTable(
  'reminders_sent',
  {
    key: text().primaryKey(),
    kind: text({ enum: REMINDER_KINDS }).notNull(),
    quarterCode: text().notNull().references(() => quarters.code),
    userId: integer().notNull().references(() => users.id),
    deadline: text(),
    at: text().notNull(),
  },
  (t) => [check('reminder_kind_known', oneOf(t.kind, REMINDER_KINDS))],
);

/**
 * A published quarter: a snapshot frozen when an administrator published it (categories, counts,
 * reason codes; no free text, no names of people), readable by anyone. Reopening the quarter does
 * not touch it; publishing again replaces it; withdrawing deletes it.
 */
export const publications = sqliteTable('publications', {
  quarterCode: text().primaryKey().references(() => quarters.code),
  publishedAt: text().notNull(),
  publishedById: integer().references(() => users.id),
  snapshot: text({ mode: 'json' }).notNull(),
});
