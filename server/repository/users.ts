import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/domain/role.ts';
import { userCount } from '../../db/queries/index.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { accountDelay, failedLogins } from '../../db/writes/login-failures.ts';
import { pseudonymiseUser } from '../../db/writes/pseudonymise.ts';
import { createUser, findUser, findUserByEmail, listUsers, NO_PASSWORD, publicUser, setPasswordHash, setReminders, updateUser } from '../../db/writes/users.ts';
import type { User, UserWithLogins } from '../schemas/auth.ts';

export function usersRepository(db: Db) {
  return {
    /** Every account, with its failed logins and login delay. */
    list: (): UserWithLogins[] => {
      const failures = failedLogins(db);
      return listUsers(db).map((user) => ({ ...user, failedLogins: failures.get(user.email) ?? 0, loginDelayedUntil: accountDelay(db, user.email) }));
    },
    count: (): number => userCount(db),
    find: (id: number): User | undefined => {
      const user = findUser(db, id);
      return user && publicUser(user);
    },
    /** The account behind an e-mail address and its password hash, kept apart from what is shown. */
    credentials: (email: string): { user: User; passwordHash: string } | undefined => {
      const user = findUserByEmail(db, email);
      return user && { user: publicUser(user), passwordHash: user.passwordHash };
    },
    passwordHash: (id: number): string | undefined => findUser(db, id)?.passwordHash,
    create: (input: { email: string; name: string; role: Role; passwordHash: string }, actor: Actor): User => createUser(db, input, actor),
    /** An account without a password yet: its person chooses one through an invitation link. */
    createInvited: (input: { email: string; name: string; role: Role }, actor: Actor): User => createUser(db, { ...input, passwordHash: NO_PASSWORD }, actor),
    /** The account behind an address, whatever its state (for "Glemt adgangskode"). */
    findByEmail: (email: string): User | undefined => {
      const user = findUserByEmail(db, email);
      return user && publicUser(user);
    },
    setReminders: (id: number, reminders: boolean, actor: Actor): User => setReminders(db, id, reminders, actor),
    update: (id: number, patch: { name?: string; role?: Role; disabled?: boolean }, actor: Actor): User => updateUser(db, id, patch, actor),
    /** Ends the account's other sessions; `keepSession` is the one in use, if any. */
    setPasswordHash: (id: number, passwordHash: string, actor: Actor, keepSession: string | null): void =>
      setPasswordHash(db, id, passwordHash, actor, keepSession),
    pseudonymise: (id: number, actor: Actor): User => pseudonymiseUser(db, id, actor),
  };
}
