/**
 * The one API client: `send` does the fetch and turns any failure into an ApiError with the
 * server's own message, so views only decide how to show it.
 */
import type { Category } from '../../../db/domain/category.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const payload = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, payload?.message ?? response.statusText);
  return payload as T;
}

export const get = <T>(path: string) => send<T>('GET', path);

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

export const api = {
  meta: () => get<Meta>('/api/meta'),
  quarters: () => get<Quarter[]>('/api/quarters'),
  statuses: (quarter: string) => get<MunicipalityStatus[]>(`/api/quarters/${encodeURIComponent(quarter)}/statuses`),
  summary: (quarter: string) => get<Summary>(`/api/summary?quarter=${encodeURIComponent(quarter)}`),
  history: (code: string) => get<MunicipalityHistory>(`/api/municipalities/${encodeURIComponent(code)}/history`),
};
