import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helper.ts';

let app: FastifyInstance;
let databasePath: string;
beforeAll(async () => {
  ({ app, databasePath } = await buildTestApp());
});
afterAll(() => app.close());


describe('conditional answers', () => {
  it('answers 304 without a body when the browser already holds the current answer', async () => {
    const first = await app.inject('/api/quarters/2018K4/statuses');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.inject({ url: '/api/quarters/2018K4/statuses', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await app.inject('/api/quarters/2018K3/statuses');
    expect(other.headers.etag).not.toBe(etag);
  });

  it('shows a change at once, while an answer whose content did not change keeps its ETag', async () => {
    const before = (await app.inject('/api/summary?quarter=2018K4')).headers.etag;
    const statusesBefore = (await app.inject('/api/quarters/2018K4/statuses')).headers.etag;
    app.database.sqlite.prepare("UPDATE statuses SET reason = 'other' WHERE quarter_code = '2018K4' AND municipality_code = '0101'").run();
    const after = await app.inject({ url: '/api/summary?quarter=2018K4', headers: { 'if-none-match': before as string } });
    expect(after.statusCode).toBe(304);
    const statuses = await app.inject('/api/quarters/2018K4/statuses');
    expect(statuses.json().find((s: { code: string }) => s.code === '0101').reason).toBe('other');
    expect(statuses.headers.etag).not.toBe(statusesBefore);
  });
});

describe('compression', () => {
  it('gzips a quarter’s statuses for a client that accepts it, to the same JSON', async () => {
    const plain = await app.inject('/api/quarters/2018K4/statuses');
    const zipped = await app.inject({ url: '/api/quarters/2018K4/statuses', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(plain.headers['content-encoding']).toBeUndefined();
  });
});
