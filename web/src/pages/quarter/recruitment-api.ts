/** The quarter's recruitment numbers, through the one API client. */
import type { RecruitmentRow } from '../../../../db/queries/recruitment.ts';
import type { Measure } from '../../../../db/domain/recruitment.ts';
import { get, put, type RecruitmentTotals } from '../../lib/api.ts';

export type { Measure, RecruitmentRow, RecruitmentTotals };

export interface Recruitment {
  rows: RecruitmentRow[];
  totals: RecruitmentTotals;
}

/** One municipality as sent: every measure is given, since one left out is stored as empty. */
export type RecruitmentBody = { code: string } & Record<Measure, number | null>;

const path = (quarter: string) => `/api/quarters/${encodeURIComponent(quarter)}/recruitment`;

export const recruitmentApi = {
  load: (quarter: string) => get<Recruitment>(path(quarter)),
  save: (quarter: string, rows: RecruitmentBody[]) => put<Recruitment>(path(quarter), { rows }),
};
