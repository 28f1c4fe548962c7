/** A file upload to the real app, as the import page sends it (multipart, session and CSRF header). */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { DemoApp } from '../demo-app.ts';
import type { Client } from '../helper.ts';

export type UploadedFile = { name: string; bytes: Uint8Array | string };

/** A multipart body as a browser's FormData would send it; no file part when `file` is null. */
export async function multipartForm(file: UploadedFile | null, fields: Record<string, string> = {}) {
  const data = new FormData();
  if (file) data.append('file', new Blob([file.bytes as BlobPart]), file.name);
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  const form = new Response(data);
  return { payload: Buffer.from(await form.arrayBuffer()), contentType: form.headers.get('content-type')! };
}

export async function uploadFile(
  app: FastifyInstance,
  client: Client,
  url: string,
  file: UploadedFile,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const { payload, contentType } = await multipartForm(file, fields);
  return app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': contentType, ...headers },
  });
}

/** A status row as the import tests compare it. */
export interface StatusRow {
  code: string;
  category: number | null;
  reason: string | null;
  reasonText: string | null;
  note: string | null;
  version: number;
  carriedOver: boolean;
}

/** The imported fields of some municipalities' rows, in the order asked for. */
export const pick = (rows: StatusRow[], ...codes: string[]) =>
  codes.map((code) => {
    const { category, reason, reasonText, note } = rows.find((r) => r.code === code)!;
    return { code, category, reason, reasonText, note };
  });

/** The import's steps on a demo app, as its administrator (or another client) takes them. */
export function importSteps(demo: DemoApp) {
  const upload = (url: string, bytes: Uint8Array | string, fields: Record<string, string> = {}, client: Client = demo.admin, name = 'statuses.csv') =>
    uploadFile(demo.app, client, url, { name, bytes }, fields);
  const preview = (bytes: Uint8Array | string, fields: Record<string, string> = {}, name?: string) =>
    upload('/api/imports/preview', bytes, fields, demo.admin, name);
  return {
    upload,
    preview,
    /** Preview, then commit the same file with the preview's fingerprint. */
    async importFile(bytes: Uint8Array | string, fields: Record<string, string> = {}, name?: string) {
      const previewed = await preview(bytes, fields, name);
      expect(previewed.statusCode, previewed.body).toBe(200);
      return upload('/api/imports/commit', bytes, { ...fields, fingerprint: previewed.json().fingerprint }, demo.admin, name);
    },
    statusesOf: async (quarter: string) => (await demo.statuses(quarter)) as StatusRow[],
  };
}
