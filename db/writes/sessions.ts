/**
 * Server-side sessions with a sliding expiry (8 hours idle) inside an absolute lifetime (7 days
 * from login). The browser holds a random token; the database holds only its SHA-256, and each
 * session has its own CSRF token for the double-submit check.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, lte } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions, users } from '../schema.ts';
import { publicUser, type PublicUser } from './users.ts';

/** Idle time after which a session ends. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** However active, a session ends this long after login: a stolen cookie does not live for ever. */
export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** The expiry slides at most this often: a write per request would serialise all readers. */
const SLIDE_EVERY_MS = 60_000;

export interface ActiveSession {
  tokenHash: string;
  csrfToken: string;
  user: PublicUser;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The next expiry: idle time from now, never past the absolute lifetime. */
function nextExpiry(createdAt: string, now: Date): string {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, Date.parse(createdAt) + SESSION_LIFETIME_MS)).toISOString();
}

export function createSession(db: Db, userId: number, now = new Date()): { token: string; csrfToken: string; expiresAt: string } {
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
      expiresAt: nextExpiry(at, now),
    })
    .run();
  return { token, csrfToken, expiresAt: nextExpiry(at, now) };
}

export interface FoundSession {
  session: ActiveSession;
  expiresAt: string;
  /** The expiry moved on with this request: the cookie should be sent again with it. */
  extended: boolean;
}

/** The live session for a token, or null when unknown, expired or the account is disabled. */
export function findSession(db: Db, token: string, now = new Date()): FoundSession | null {
  const tokenHash = hashToken(token);
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .get();
  if (!row || row.user.disabled || row.session.expiresAt <= now.toISOString()) return null;
  // Sessions written before the lifetime existed carry an idle expiry only: hold them to it too.
  if (Date.parse(row.session.createdAt) + SESSION_LIFETIME_MS <= now.getTime()) return null;
  const session = { tokenHash, csrfToken: row.session.csrfToken, user: publicUser(row.user) };
  if (now.getTime() - Date.parse(row.session.lastSeenAt) <= SLIDE_EVERY_MS) return { session, expiresAt: row.session.expiresAt, extended: false };
  const expiresAt = nextExpiry(row.session.createdAt, now);
  db.update(sessions).set({ lastSeenAt: now.toISOString(), expiresAt }).where(eq(sessions.tokenHash, tokenHash)).run();
  return { session, expiresAt, extended: true };
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

export function purgeExpiredSessions(db: Db, now = new Date()): number {
  return db.delete(sessions).where(lte(sessions.expiresAt, now.toISOString())).run().changes;
}

