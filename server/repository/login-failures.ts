import type { Db } from '../../db/client.ts';
import { clearLoginFailures, loginRefusal, purgeLoginFailures, recordLoginFailure } from '../../db/writes/login-failures.ts';

/** The limits on password guessing (db/writes/login-failures.ts); `email` as typed, normalised. */
export function loginFailuresRepository(db: Db) {
  return {
    /** Whether an attempt must wait, before its password is even checked. */
    refusal: (address: string, email: string) => loginRefusal(db, address, email),
    record: (address: string, email: string): void => recordLoginFailure(db, address, email),
    clear: (email: string): number => clearLoginFailures(db, email),
    purgeOld: (): number => purgeLoginFailures(db),
  };
}
