import { get } from '../../lib/api.ts';
import type { User } from '../../lib/session.svelte.ts';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  actorId: number | null;
  action: string;
  entity: string;
  entityKey: string;
  municipalityCode: string | null;
  quarterCode: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
}

export interface AuditFilter {
  user: string;
  municipality: string;
  quarter: string;
  from: string;
  to: string;
}

export const FILTER_KEYS = ['user', 'municipality', 'quarter', 'from', 'to'] as const satisfies readonly (keyof AuditFilter)[];

export interface Municipality {
  code: string;
  name: string;
}

export const auditApi = {
  list: (filter: AuditFilter, limit: number, offset: number) => {
    const query = new URLSearchParams();
    for (const key of FILTER_KEYS) if (filter[key]) query.set(key, filter[key]);
    query.set('limit', String(limit));
    query.set('offset', String(offset));
    return get<{ total: number; rows: AuditRow[] }>(`/api/audit?${query}`);
  },
  users: () => get<User[]>('/api/users'),
  municipalities: () => get<Municipality[]>('/api/municipalities'),
};
