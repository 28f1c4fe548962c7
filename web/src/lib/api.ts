/**
 * The one API client: `send` does the fetch and turns any failure into an ApiError with the
 * server's own message, so views only decide how to show it.
 */
import type {
  ErrorBody,
  Meta,
  MunicipalityHistory,
  MunicipalityStatus,
  PasswordChange,
  Quarter,
  QuarterTrend,
  Recruitment,
  SessionInfo,
  StatusMatrix,
  Summary,
} from './contract.ts';
import { i18n } from './i18n.svelte.ts';
import { session } from './session.svelte.ts';

/** A refused or failed request, with the server's message and its row-level details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The whole answer: `field`, `errors`, `conflicts` or `unsettled` when the server sent them. */
    readonly body: Partial<ErrorBody> | null = null,
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

export const api = {
  session: () => get<SessionInfo>('/api/auth/session'),
  login: (email: string, password: string) =>
    post<SessionInfo>('/api/auth/login', { email, password }),
  logout: () => post<null>('/api/auth/logout'),
  changePassword: (change: PasswordChange) => post<null>('/api/auth/password', change),
  meta: () => get<Meta>('/api/meta'),
  quarters: () => get<Quarter[]>('/api/quarters'),
  statuses: (quarter: string) => get<MunicipalityStatus[]>(`/api/quarters/${encodeURIComponent(quarter)}/statuses`),
  summary: (quarter: string) => get<Summary>(`/api/summary?quarter=${encodeURIComponent(quarter)}`),
  matrix: () => get<StatusMatrix>('/api/statuses'),
  recruitment: (quarter: string) => get<Recruitment>(`/api/quarters/${encodeURIComponent(quarter)}/recruitment`),
  recruitmentTotals: (quarter: string) =>
    get<Recruitment>(`/api/quarters/${encodeURIComponent(quarter)}/recruitment`).then((r) => r.totals),
  activityCount: (quarter: string) => get<unknown[]>(`/api/activities?quarter=${encodeURIComponent(quarter)}`).then((list) => list.length),
  trends: () => get<QuarterTrend[]>('/api/trends'),
  history: (code: string) => get<MunicipalityHistory>(`/api/municipalities/${encodeURIComponent(code)}/history`),
};
