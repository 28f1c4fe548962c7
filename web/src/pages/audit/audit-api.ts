import { get } from '../../lib/api.ts';
import type { Account, AuditPage, Municipality } from '../../lib/contract.ts';

export interface AuditFilter {
  user: string;
  municipality: string;
  quarter: string;
  from: string;
  to: string;
}

export const FILTER_KEYS = ['user', 'municipality', 'quarter', 'from', 'to'] as const satisfies readonly (keyof AuditFilter)[];

export const auditApi = {
  list: (filter: AuditFilter, limit: number, offset: number) => {
    const query = new URLSearchParams();
    for (const key of FILTER_KEYS) if (filter[key]) query.set(key, filter[key]);
    query.set('limit', String(limit));
    query.set('offset', String(offset));
    return get<AuditPage>(`/api/audit?${query}`);
  },
  users: () => get<Account[]>('/api/users'),
  municipalities: () => get<Municipality[]>('/api/municipalities'),
};
