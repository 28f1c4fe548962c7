/** The quarter entry page's writes, through the one API client. */
import type { Unsettled } from '../../../../db/domain/unsettled.ts';
import { get, post, put } from '../../lib/api.ts';
import type { Area, AuditPage, MunicipalityStatus, OpenedQuarter, Quarter, SaveResult, StatusBody } from '../../lib/contract.ts';

export type { Unsettled };

/** A row the server refused because someone else saved it first: your version and the current row. */
export interface StatusConflict {
  row: number;
  code: string;
  yourVersion: number;
  current: MunicipalityStatus;
}

const statusesPath = (quarter: string) => `/api/quarters/${encodeURIComponent(quarter)}/statuses`;

export const entryApi = {
  quarters: () => get<Quarter[]>('/api/quarters'),
  saveOne: (quarter: string, code: string, body: StatusBody) =>
    put<MunicipalityStatus>(`${statusesPath(quarter)}/${encodeURIComponent(code)}`, body),
  saveMany: (quarter: string, rows: (StatusBody & { code: string })[]) => put<SaveResult>(statusesPath(quarter), { rows }),
  /** The next quarter; in an empty database `first` chooses where monitoring starts; `deadline` may be set at once. */
  openNext: (first?: string, deadline?: string) =>
    post<OpenedQuarter>('/api/quarters', { ...(first ? { quarter: first } : {}), ...(deadline ? { deadline } : {}) }),
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
