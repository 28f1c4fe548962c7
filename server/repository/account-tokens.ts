import type { Db } from '../../db/client.ts';
import type { TokenPurpose } from '../../db/domain/mail.ts';
import { findToken, issueToken, purgeExpiredTokens, setPasswordWithToken, tokensIssuedSince } from '../../db/writes/account-tokens.ts';
import type { User } from '../schemas/auth.ts';

/** Single-use links that set a password (db/writes/account-tokens.ts). */
export function accountTokensRepository(db: Db) {
  return {
    issue: (userId: number, purpose: TokenPurpose, now: Date) => issueToken(db, userId, purpose, now),
    issuedSince: (userId: number, purpose: TokenPurpose, since: Date): number => tokensIssuedSince(db, userId, purpose, since),
    find: (token: string, now: Date) => findToken(db, token, now),
    /** Sets the password and spends the link (400 when it is unknown, used or expired). */
    setPassword: (token: string, passwordHash: string, now: Date): User => setPasswordWithToken(db, token, passwordHash, now),
    purgeExpired: (now: Date): number => purgeExpiredTokens(db, now),
  };
}
