/**
 * The one API client: `send` does the fetch and turns any failure into an ApiError with the
 * server's own message, so views only decide how to show it.
 */
import type { Category } from '../../../db/domain/category.ts';
import { i18n } from './i18n.svelte.ts';
import { session, type SessionInfo } from './session.svelte.ts';

/** A refused or failed request, with the server's message and its row-level details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The whole answer: `errors`, `conflicts` or `unsettled` when the server sent them. */
    readonly body: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  // The server words its refusals in the language the dashboard shows.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (method !== 'GET' && session.csrfToken) headers['x-csrf-token'] = session.csrfToken;
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const payload = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (response.status === 401) session.expired();
  if (!response.ok) throw new ApiError(response.status, payload?.message ?? response.statusText, payload);
  return payload as T;
}

export const get = <T>(path: string) => send<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => send<T>('POST', path, body);
export const put = <T>(path: string, body: unknown) => send<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => send<T>('PATCH', path, body);
export const del = <T>(path: string) => send<T>('DELETE', path);

export type Organisation = 'RK' | 'DFH';
export type Label = { da: string; en: string };

export interface Meta {
  dataset: 'demo' | 'live';
  defaultQuarter: string | null;
  categoryDefinitions: { version: number; validFrom: string; definitions: Record<'1' | '2' | '3', Label> }[];
  reasons: { code: string; label: Label }[];
  regions: { code: string; name: string }[];
}

export interface CategoryCounts {
  green: number;
  yellow: number;
  red: number;
  notAssessed: number;
}

export interface Quarter {
  code: string;
  state: 'open' | 'final';
  definitionsVersion: number;
  counts: CategoryCounts;
}

export interface MunicipalityStatus {
  code: string;
  name: string;
  regionCode: string;
  category: Category | null;
  reason: string | null;
  reasonText: string | null;
  note: string | null;
  agreements: Organisation[];
  zeroQuota: boolean;
  carriedOver: boolean;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface Summary {
  quarter: string;
  counts: CategoryCounts;
  municipalitiesWithOffer: number;
  agreements: { active: number; municipalitiesWithAgreement: number; municipalitiesWithBoth: number };
  zeroQuota: number;
}

export interface HistoryEntry {
  quarter: string;
  state: 'open' | 'final';
  category: Category | null;
  reason: string | null;
  reasonText: string | null;
  note: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface MunicipalityHistory {
  municipality: { code: string; name: string; regionCode: string; regionName: string };
  quarters: HistoryEntry[];
  agreements: { id: number; organisation: Organisation; signedOn: string; endedOn: string | null; note: string | null }[];
  quotas: { year: number; quota: number | null; zeroQuota: boolean }[];
}

export interface CategoryChange {
  quarter: string;
  from: Category;
  to: Category;
  reason: string | null;
  reasonText: string | null;
  note: string | null;
}

export interface StatusMatrix {
  quarters: string[];
  municipalities: {
    code: string;
    name: string;
    regionCode: string;
    categories: (Category | null)[];
    changes: CategoryChange[];
  }[];
}

export interface QuarterTrend {
  quarter: string;
  counts: CategoryCounts;
  municipalitiesWithOffer: number;
  agreements: Summary['agreements'];
  zeroQuota: number;
  /** Municipalities whose category got worse since the previous quarter, by reason code ("unknown" when none was given). */
  downgrades: Record<string, number>;
  upgrades: number;
}

export interface RecruitmentTotals {
  refugeesWaiting: number;
  volunteersMissing: number;
  activeMatches: number;
  newMatches: number;
  reporting: number;
}

export const api = {
  session: () => get<SessionInfo>('/api/auth/session'),
  login: (email: string, password: string) =>
    post<SessionInfo>('/api/auth/login', { email, password }),
  logout: () => post<null>('/api/auth/logout'),
  meta: () => get<Meta>('/api/meta'),
  quarters: () => get<Quarter[]>('/api/quarters'),
  statuses: (quarter: string) => get<MunicipalityStatus[]>(`/api/quarters/${encodeURIComponent(quarter)}/statuses`),
  summary: (quarter: string) => get<Summary>(`/api/summary?quarter=${encodeURIComponent(quarter)}`),
  matrix: () => get<StatusMatrix>('/api/statuses'),
  recruitmentTotals: (quarter: string) =>
    get<{ totals: RecruitmentTotals }>(`/api/quarters/${encodeURIComponent(quarter)}/recruitment`).then((r) => r.totals),
  activityCount: (quarter: string) => get<unknown[]>(`/api/activities?quarter=${encodeURIComponent(quarter)}`).then((list) => list.length),
  trends: () => get<QuarterTrend[]>('/api/trends'),
  history: (code: string) => get<MunicipalityHistory>(`/api/municipalities/${encodeURIComponent(code)}/history`),
};
