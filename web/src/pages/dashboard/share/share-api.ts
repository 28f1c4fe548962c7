/** Publishing and withdrawing a final quarter (administrators). */
import { post } from '../../../lib/api.ts';
import type { PublishedEntry } from '../../../lib/contract.ts';

const quarterPath = (quarter: string) => `/api/quarters/${encodeURIComponent(quarter)}`;

export const shareApi = {
  publish: (quarter: string) => post<PublishedEntry>(`${quarterPath(quarter)}/publish`),
  withdraw: (quarter: string) => post<null>(`${quarterPath(quarter)}/withdraw`),
};
