/** A file upload to the real app, as the import page sends it (multipart, session and CSRF header). */
import type { FastifyInstance } from 'fastify';
import type { Client } from '../helper.ts';

export async function uploadFile(
  app: FastifyInstance,
  client: Client,
  url: string,
  file: { name: string; bytes: Uint8Array | string },
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const data = new FormData();
  data.append('file', new Blob([file.bytes as BlobPart]), file.name);
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  const form = new Response(data);
  return app.inject({
    method: 'POST',
    url,
    payload: Buffer.from(await form.arrayBuffer()),
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': form.headers.get('content-type')!, ...headers },
  });
}
