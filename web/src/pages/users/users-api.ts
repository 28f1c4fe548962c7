import type { Role } from '../../../../db/schema.ts';
import { del, get, patch, post } from '../../lib/api.ts';
import type { User } from '../../lib/session.svelte.ts';

export interface Account extends User {
  createdAt: string;
  updatedAt: string;
  /** Failed logins in the last 24 hours. */
  failedLogins: number;
  /** The next login attempt must wait until then (db/writes/login-failures.ts). */
  loginDelayedUntil: string | null;
}

/** A pseudonymised account keeps its place in the history under an address that cannot exist. */
export const isPseudonymised = (account: Account) => account.email.endsWith('@pseudonym.invalid');

// db/schema.ts holds the same list, but importing a value from it would bundle drizzle-orm into
// the page; a Record over Role makes the compiler catch a role added there and missing here.
const ROLE_SET: Record<Role, true> = { admin: true, consultant: true, viewer: true };
export const ROLES = Object.keys(ROLE_SET) as Role[];

export const usersApi = {
  list: () => get<Account[]>('/api/users'),
  create: (input: { email: string; name: string; role: Role; password: string }) => post<Account>('/api/users', input),
  update: (id: number, change: { name?: string; role?: Role; disabled?: boolean }) => patch<Account>(`/api/users/${id}`, change),
  setPassword: (id: number, password: string) => post<null>(`/api/users/${id}/password`, { password }),
  clearLoginDelay: (id: number) => del<null>(`/api/users/${id}/login-failures`),
  pseudonymise: (id: number) => post<Account>(`/api/users/${id}/pseudonymise`),
};
