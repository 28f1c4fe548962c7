/**
 * Single-use links that set a password: "Glemt adgangskode" and invitations to new accounts. The
 * token travels only in the mail; the database keeps its SHA-256 (as for sessions), so a copy of
 * the database opens no account. Using a token deletes every link of the account, and setting a
 * password in any other way does too (db/writes/users.ts).
 */
import { randomBytes } from 'node:crypto';
import { and, count, eq, gt, lte } from 'drizzle-orm';
import type { Conn, Db } from '../client.ts';
import { BAD_LINK, TOKEN_LIFETIME_MS, type TokenPurpose } from '../domain/mail.ts';
import { invalid } from '../errors.ts';
import { sessions, users } from '../schema.ts';
import { accountTokens } from '../schema/outreach.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { hashToken } from './sessions.ts';
import { publicUser, type PublicUser } from './users.ts';

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

/** A new link for an account. An invitation replaces the account's earlier invitations. */
export function issueToken(db: Db, userId: number, purpose: TokenPurpose, now = new Date()): IssuedToken {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]).toISOString();
  db.transaction((tx) => {
    if (purpose === 'invite') tx.delete(accountTokens).where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, 'invite'))).run();
    tx.insert(accountTokens).values({ tokenHash: hashToken(token), userId, purpose, createdAt: now.toISOString(), expiresAt }).run();
  });
  return { token, expiresAt };
}

/** How many links of a purpose an account was sent since `since`: "Glemt adgangskode" is rationed. */
export function tokensIssuedSince(db: Db, userId: number, purpose: TokenPurpose, since: Date): number {
  return db
    .select({ n: count() })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), gt(accountTokens.createdAt, since.toISOString())))
    .get()!.n;
}

export interface TokenHolder {
  user: PublicUser;
  purpose: TokenPurpose;
  expiresAt: string;
}

/** The account a link opens, or undefined when the link is unknown, expired or its account disabled. */
export function findToken(db: Conn, token: string, now = new Date()): TokenHolder | undefined {
  const row = db
    .select({ purpose: accountTokens.purpose, expiresAt: accountTokens.expiresAt, user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), gt(accountTokens.expiresAt, now.toISOString())))
    .get();
  if (!row || row.user.disabled) return undefined;
  return { user: publicUser(row.user), purpose: row.purpose, expiresAt: row.expiresAt };
}

/**
 * Sets the password a link was sent for, in one transaction with its audit row: every link of the
 * account and every session it had end, so an older link or a stolen session is worth nothing.
 */
export function setPasswordWithToken(db: Db, token: string, passwordHash: string, now = new Date()): PublicUser {
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const holder = findToken(tx, token, now);
      if (!holder) throw invalid(BAD_LINK);
      const { user, purpose } = holder;
      const after = tx.update(users).set({ passwordHash, passwordChangedAt: at, updatedAt: at }).where(eq(users.id, user.id)).returning().get();
      tx.delete(accountTokens).where(eq(accountTokens.userId, user.id)).run();
      tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
      const actor: Actor = { id: user.id, name: user.name, email: user.email };
      appendAudit(tx, actor, at, {
        action: purpose === 'invite' ? 'accept_invitation' : 'reset_password',
        entity: 'user',
        entityKey: String(user.id),
        newValue: { passwordChanged: true },
      });
      return publicUser(after);
    },
    { behavior: 'immediate' },
  );
}

/** Expired links are deleted now and then, with the ended sessions. */
export function purgeExpiredTokens(db: Db, now = new Date()): number {
  return db.delete(accountTokens).where(lte(accountTokens.expiresAt, now.toISOString())).run().changes;
}
