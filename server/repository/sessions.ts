import type { Db } from '../../db/client.ts';
import { createSession, deleteSession, findSession, purgeExpiredSessions } from '../../db/writes/sessions.ts';

export function sessionsRepository(db: Db) {
  return {
    /** The live session for a cookie's token, its expiry moved on when due. */
    find: (token: string) => findSession(db, token),
    create: (userId: number) => createSession(db, userId),
    delete: (tokenHash: string): void => deleteSession(db, tokenHash),
    purgeExpired: (): number => purgeExpiredSessions(db),
  };
}
