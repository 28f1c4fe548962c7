/** The quarter's recruitment numbers, through the one API client. */
import { get, put } from '../../lib/api.ts';
import type { Recruitment, RecruitmentBody } from '../../lib/contract.ts';

const path = (quarter: string) => `/api/quarters/${encodeURIComponent(quarter)}/recruitment`;

export const recruitmentApi = {
  load: (quarter: string) => get<Recruitment>(path(quarter)),
  save: (quarter: string, rows: RecruitmentBody[]) => put<Recruitment>(path(quarter), { rows }),
};
