/**
 * Typed calls for the regional consultants' tools, shared by the priority page (/area), the areas
 * page (/areas) and the support log on the municipality page.
 */
import { get, post, put } from '../../lib/api.ts';
import type { Account, Activity, Area, AreaWrite, Municipality, NewActivity, PriorityRow, Recruitment } from '../../lib/contract.ts';

const query = (values: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
};

export const consultantApi = {
  areas: () => get<Area[]>('/api/areas'),
  createArea: (area: AreaWrite) => post<Area>('/api/areas', area),
  updateArea: (id: number, area: AreaWrite) => put<Area>(`/api/areas/${id}`, area),
  priorities: (quarter: string, area?: number) => get<PriorityRow[]>(`/api/priorities${query({ quarter, area })}`),
  activities: (filter: { municipality?: string; quarter?: string }) => get<Activity[]>(`/api/activities${query(filter)}`),
  logActivity: (activity: NewActivity) => post<Activity>('/api/activities', activity),
  recruitment: (quarter: string) => get<Recruitment>(`/api/quarters/${encodeURIComponent(quarter)}/recruitment`),
  municipalities: () => get<Municipality[]>('/api/municipalities'),
  users: () => get<Account[]>('/api/users'),
};

/** The areas a consultant works in (an administrator assigns them on /areas). */
export function areasOf(areas: Area[], userId: number): Area[] {
  return areas.filter((area) => area.consultants.some((c) => c.id === userId));
}
