/**
 * Server-side sessions with a sliding expiry. The browser holds a random token; the database holds
 * only its SHA-256, and each session has its own CSRF token for the double-submit check.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions, users } from '../schema.ts';
import { publicUser, type PublicUser } from './users.ts';

/** Idle time after which a session ends. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;

export interface ActiveSession {
  tokenHash: string;
  csrfToken: string;
  user: PublicUser;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSession(db: Db, userId: number, now = new Date()): { token: string; csrfToken: string } {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const at = now.toISOString();
  db.insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      csrfToken,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    })
    .run();
  return { token, csrfToken };
}

/** The live session for a token, or null when unknown, expired or the account is disabled. */
export function findSession(db: Db, token: string, now = new Date()): ActiveSession | null {
  const tokenHash = hashToken(token);
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .get();
  if (!row || row.user.disabled || row.session.expiresAt <= now.toISOString()) return null;
  // Slide the expiry at most once a minute: a write per request would serialise all readers.
  if (now.getTime() - Date.parse(row.session.lastSeenAt) > 60_000) {
    db.update(sessions)
      .set({ lastSeenAt: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString() })
      .where(eq(sessions.tokenHash, tokenHash))
      .run();
  }
  return { tokenHash, csrfToken: row.session.csrfToken, user: publicUser(row.user) };
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

export function purgeExpiredSessions(db: Db, now = new Date()): number {
  return db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run().changes;
}

