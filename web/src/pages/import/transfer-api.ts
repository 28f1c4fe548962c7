import { post } from '../../lib/api.ts';
import type { ImportPreview, ImportResult } from '../../lib/contract.ts';

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
