/** Deadlines and progress of a quarter (issue #15), read by the quarter page and a consultant's start page. */
import { get, put } from '../api.ts';
import type { Progress, Quarter } from '../contract.ts';

const quarterPath = (quarter: string) => `/api/quarters/${encodeURIComponent(quarter)}`;

export const progressApi = {
  progress: (quarter: string) => get<Progress>(`${quarterPath(quarter)}/progress`),
  /** A date written YYYY-MM-DD (Europe/Copenhagen), or null to clear it. */
  setDeadline: (quarter: string, deadline: string | null) => put<Quarter>(`${quarterPath(quarter)}/deadline`, { deadline }),
};
