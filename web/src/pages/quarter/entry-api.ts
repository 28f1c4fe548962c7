/** The quarter entry page's writes, through the one API client. */
import type { Category } from '../../../../db/domain/category.ts';
import type { Reason } from '../../../../db/domain/reason.ts';
import type { RowProblem } from '../../../../db/errors.ts';
import type { Unsettled } from '../../../../db/writes/quarters.ts';
import { get, post, put, type MunicipalityStatus, type Quarter } from '../../lib/api.ts';

export type { RowProblem, Unsettled };

/** What one row sends: `version` is the version the user started from, so a stale one answers 409. */
export interface StatusBody {
  category: Category | null;
  reason: Reason | null;
  reasonText: string | null;
  note: string | null;
  version: number;
}

/** A quarter as the API sends it, including when it was finalised. */
export interface QuarterInfo extends Quarter {
  finalisedAt: string | null;
}

export interface SaveResult {
  saved: string[];
  unchanged: string[];
  rows: MunicipalityStatus[];
}

export interface StatusConflict {
  row: number;
  code: string;
  yourVersion: number;
  current: MunicipalityStatus;
}

interface Area {
  municipalityCodes: string[];
  consultants: { id: number }[];
}

interface AuditPage {
  rows: { action: string; actor: string }[];
}

const statusesPath = (quarter: string) => `/api/quarters/${encodeURIComponent(quarter)}/statuses`;

export const entryApi = {
  quarters: () => get<QuarterInfo[]>('/api/quarters'),
  saveOne: (quarter: string, code: string, body: StatusBody) =>
    put<MunicipalityStatus>(`${statusesPath(quarter)}/${encodeURIComponent(code)}`, body),
  saveMany: (quarter: string, rows: (StatusBody & { code: string })[]) => put<SaveResult>(statusesPath(quarter), { rows }),
  /** The next quarter; in an empty database `first` chooses where monitoring starts. */
  openNext: (first?: string) => post<{ code: string; carriedOver: number }>('/api/quarters', first ? { quarter: first } : {}),
  finalise: (quarter: string) => post<Quarter>(`/api/quarters/${encodeURIComponent(quarter)}/finalise`),
  reopen: (quarter: string, reason: string) => post<Quarter>(`/api/quarters/${encodeURIComponent(quarter)}/reopen`, { reason }),
  /** The municipalities a consultant may change: those of the areas they are assigned to. */
  ownMunicipalities: async (userId: number): Promise<Set<string>> => {
    const areas = await get<Area[]>('/api/areas');
    return new Set(areas.filter((a) => a.consultants.some((c) => c.id === userId)).flatMap((a) => a.municipalityCodes));
  },
  /**
   * The quarter list carries when a quarter was finalised but not by whom; the audit log (open to
   * administrators only) does. A quarter cannot change once final, so its finalising is among the
   * newest entries.
   */
  finalisedBy: async (quarter: string): Promise<string | null> => {
    const page = await get<AuditPage>(`/api/audit?quarter=${encodeURIComponent(quarter)}&limit=20`);
    return page.rows.find((row) => row.action === 'finalise')?.actor ?? null;
  },
};
