/**
 * Limits on password guessing, counted from failed logins only and kept in the database, so a
 * restart does not reset them:
 * - per address: at most 10 failures in 15 minutes, then the address waits;
 * - per account (the e-mail typed): the first 5 failures cost nothing, then each further attempt
 *   waits twice as long as the one before, from 1 second up to 5 minutes. It never locks: a
 *   stranger who types someone's address can slow their login down, not stop it, and an
 *   administrator can clear the delay. A successful login clears it too.
 */
import { and, count, eq, gte, lt, lte, max, min } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { loginFailures } from '../schema.ts';

export const ADDRESS_LIMIT = { failures: 10, windowMs: 15 * 60 * 1000 };
export const ACCOUNT_DELAY = { freeFailures: 5, firstMs: 1000, maxMs: 5 * 60 * 1000, windowMs: 24 * 60 * 60 * 1000 };
/** Older failures count for nothing and are purged. */
const KEEP_MS = ACCOUNT_DELAY.windowMs;
/**
 * However many addresses an attacker has, the table keeps at most this many rows: the oldest go
 * first. Far more than a day of honest typing mistakes.
 */
export const MAX_KEPT_FAILURES = 50_000;

export interface LoginRefusal {
  /** Whose limit was reached. */
  limit: 'address' | 'account';
  retryAfterSeconds: number;
}

const since = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/** The wait after `failures` failures for one account. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_DELAY.freeFailures) return 0;
  return Math.min(ACCOUNT_DELAY.firstMs * 2 ** (failures - ACCOUNT_DELAY.freeFailures), ACCOUNT_DELAY.maxMs);
}

/** Whether a login attempt must wait, before its password is even checked. */
export function loginRefusal(db: Db, address: string, email: string, now = new Date()): LoginRefusal | null {
  const byAddress = db
    .select({ n: count(), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.address, address), gte(loginFailures.at, since(now, ADDRESS_LIMIT.windowMs))))
    .get()!;
  if (byAddress.n >= ADDRESS_LIMIT.failures && byAddress.oldest) {
    const waitMs = Date.parse(byAddress.oldest) + ADDRESS_LIMIT.windowMs - now.getTime();
    return { limit: 'address', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
  const delay = accountDelay(db, email, now);
  return delay ? { limit: 'account', retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(delay) - now.getTime()) / 1000)) } : null;
}

/** Until when an account's next login attempt must wait; null when it need not. */
export function accountDelay(db: Db, email: string, now = new Date()): string | null {
  const byAccount = db
    .select({ n: count(), latest: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gte(loginFailures.at, since(now, ACCOUNT_DELAY.windowMs))))
    .get()!;
  if (!byAccount.latest) return null;
  const until = Date.parse(byAccount.latest) + accountDelayMs(byAccount.n);
  return until > now.getTime() ? new Date(until).toISOString() : null;
}

export function recordLoginFailure(db: Db, address: string, email: string, now = new Date()): void {
  const { id } = db.insert(loginFailures).values({ at: now.toISOString(), address, email }).returning({ id: loginFailures.id }).get();
  if (id > MAX_KEPT_FAILURES) db.delete(loginFailures).where(lte(loginFailures.id, id - MAX_KEPT_FAILURES)).run();
}

/** After a successful login, or when an administrator clears an account's delay. */
export function clearLoginFailures(db: Db, email: string): number {
  return db.delete(loginFailures).where(eq(loginFailures.email, email)).run().changes;
}

/** Failed logins per e-mail address in the account window, for the accounts page. */
export function failedLogins(db: Db, now = new Date()): Map<string, number> {
  const rows = db
    .select({ email: loginFailures.email, n: count() })
    .from(loginFailures)
    .where(gte(loginFailures.at, since(now, ACCOUNT_DELAY.windowMs)))
    .groupBy(loginFailures.email)
    .all();
  return new Map(rows.map((r) => [r.email, r.n]));
}

export function purgeLoginFailures(db: Db, now = new Date()): number {
  return db.delete(loginFailures).where(lt(loginFailures.at, since(now, KEEP_MS))).run().changes;
}
