import { del, get, patch, post } from '../../lib/api.ts';
import type { Accepted, Account, NewUser, User, UserPatch } from '../../lib/contract.ts';

/** A pseudonymised account keeps its place in the history under an address that cannot exist. */
export const isPseudonymised = (account: Account) => account.email.endsWith('@pseudonym.invalid');

export const usersApi = {
  list: () => get<Account[]>('/api/users'),
  create: (input: NewUser) => post<User>('/api/users', input),
  update: (id: number, change: UserPatch) => patch<User>(`/api/users/${id}`, change),
  setPassword: (id: number, password: string) => post<null>(`/api/users/${id}/password`, { password }),
  clearLoginDelay: (id: number) => del<null>(`/api/users/${id}/login-failures`),
  pseudonymise: (id: number) => post<User>(`/api/users/${id}/pseudonymise`),
  invite: (id: number) => post<Accepted>(`/api/users/${id}/invite`),
};
