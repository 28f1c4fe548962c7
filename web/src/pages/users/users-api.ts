import type { Role } from '../../../../db/schema.ts';
import { get, patch, post } from '../../lib/api.ts';
import type { User } from '../../lib/session.svelte.ts';

export interface Account extends User {
  createdAt: string;
  updatedAt: string;
}

// db/schema.ts holds the same list, but importing a value from it would bundle drizzle-orm into
// the page; a Record over Role makes the compiler catch a role added there and missing here.
const ROLE_SET: Record<Role, true> = { admin: true, consultant: true, viewer: true };
export const ROLES = Object.keys(ROLE_SET) as Role[];

export const usersApi = {
  list: () => get<Account[]>('/api/users'),
  create: (input: { email: string; name: string; role: Role; password: string }) => post<Account>('/api/users', input),
  update: (id: number, change: { name?: string; role?: Role; disabled?: boolean }) => patch<Account>(`/api/users/${id}`, change),
  setPassword: (id: number, password: string) => post<null>(`/api/users/${id}/password`, { password }),
};
