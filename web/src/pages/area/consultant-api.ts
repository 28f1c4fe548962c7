/**
 * Typed calls for the regional consultants' tools, shared by the priority page (/area), the areas
 * page (/areas) and the support log on the municipality page.
 */
import type { Category } from '../../../../db/domain/category.ts';
import { ACTIVITY_KINDS, ACTIVITY_LABELS, type ActivityKind } from '../../../../db/domain/activity.ts';

export { ACTIVITY_KINDS, ACTIVITY_LABELS };
import type { PriorityRule } from '../../../../db/domain/priority.ts';
import { get, post, put, type Label } from '../../lib/api.ts';
import type { User } from '../../lib/session.svelte.ts';

export interface Area {
  id: number;
  name: string;
  municipalityCodes: string[];
  consultants: { id: number; name: string; email: string }[];
}

export interface AreaWrite {
  name: string;
  municipalityCodes: string[];
  consultantIds: number[];
}

export interface PriorityReason {
  rule: PriorityRule;
  points: number;
  detail?: { changes?: number; quarters?: number; volunteers?: number };
}

export interface PriorityRow {
  code: string;
  name: string;
  regionCode: string;
  areaId: number | null;
  areaName: string | null;
  category: Category | null;
  score: number;
  volunteersMissing: number;
  reasons: PriorityReason[];
}

export interface Activity {
  id: number;
  municipalityCode: string;
  municipalityName: string;
  kind: ActivityKind;
  happenedOn: string;
  participants: number | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

// db/domain/activity.ts has these labels, but it takes the kinds from db/schema.ts, and importing
// a value from there bundles drizzle-orm into the page. The Record makes the compiler catch a kind
// added there and missing here.

export interface NewActivity {
  municipalityCode: string;
  kind: ActivityKind;
  happenedOn: string;
  participants: number | null;
  note: string | null;
}

export interface RecruitmentRow {
  code: string;
  name: string;
  regionCode: string;
  refugeesWaiting: number | null;
  volunteersMissing: number | null;
  activeMatches: number | null;
  newMatches: number | null;
}

export interface Recruitment {
  rows: RecruitmentRow[];
  totals: { refugeesWaiting: number; volunteersMissing: number; activeMatches: number; newMatches: number; reporting: number };
}

export interface MunicipalityOption {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

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
  municipalities: () => get<MunicipalityOption[]>('/api/municipalities'),
  users: () => get<User[]>('/api/users'),
};

/** The areas a consultant works in (an administrator assigns them on /areas). */
export function areasOf(areas: Area[], userId: number): Area[] {
  return areas.filter((area) => area.consultants.some((c) => c.id === userId));
}
