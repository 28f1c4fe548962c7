import type { Category } from '../../../../db/domain/category.ts';
import type { Reason } from '../../../../db/domain/reason.ts';
import { post } from '../../lib/api.ts';

export interface StatusContent {
  category: Category | null;
  reason: Reason | null;
  reasonText: string | null;
  note: string | null;
}

export interface ImportChange {
  line: number;
  quarter: string;
  code: string;
  name: string;
  /** `confirm`: a carried-over draft row taken over as it is. */
  action: 'create' | 'update' | 'confirm';
  before: StatusContent | null;
  after: StatusContent;
}

export interface ImportPreview {
  fingerprint: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  rows: number;
  quartersToCreate: string[];
  ignoredColumns?: string[];
  changes: ImportChange[];
  unchanged: number;
}

export interface ImportResult {
  saved: number;
  unchanged: number;
  quartersCreated: string[];
}

/** One problem in the file, at the line a spreadsheet shows (the header is line 1). */
export interface LineProblem {
  row: number;
  code?: string;
  field: string;
  message: string;
}

function form(file: File, quarter: string | null, fingerprint?: string): FormData {
  const data = new FormData();
  if (quarter) data.append('quarter', quarter);
  if (fingerprint) data.append('fingerprint', fingerprint);
  data.append('file', file);
  return data;
}

export const transferApi = {
  preview: (file: File, quarter: string | null) => post<ImportPreview>('/api/imports/preview', form(file, quarter)),
  commit: (file: File, quarter: string | null, fingerprint: string) =>
    post<ImportResult>('/api/imports/commit', form(file, quarter, fingerprint)),
  exportUrl: (format: 'csv' | 'xlsx', from: string, to: string) =>
    `/api/exports/statuses.${format}?${new URLSearchParams({ from, to })}`,
};
