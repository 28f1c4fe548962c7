/**
 * Answers to a logged-in person depend on their role, so no shared cache may keep them
 * (`private`), while the browser still revalidates them with their ETag (a 304 on a revisit).
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client } from '../helper.ts';

let app: FastifyInstance;
let viewer: Client;
beforeAll(async () => {
  ({ app } = await buildTestApp({ anonymousRead: 'on' }));
  viewer = await loginAs(app, 'viewer');
});

describe('Cache-Control', () => {
  it.each(['/api/quarters/2018K4/statuses', '/api/summary', '/api/quarters', '/api/areas', '/api/agreements'])(
    'is private for a session on %s, and a revisit is a 304',
    async (url) => {
      const first = await viewer.inject('GET', url);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const etag = first.headers.etag;
      if (etag) {
        const again = await app.inject({ url, headers: { cookie: viewer.cookie, 'if-none-match': String(etag) } });
        expect(again.statusCode).toBe(304);
      }
    },
  );

  it('is no-cache without private for an anonymous reader of published data', async () => {
    const answer = await app.inject('/api/quarters/2018K4/statuses');
    expect(answer.headers['cache-control']).toBe('no-cache');
  });

  it('gives a different ETag to audiences that see different answers', async () => {
    const anonymous = await app.inject('/api/quarters/2018K4/statuses');
    const logged = await viewer.inject('GET', '/api/quarters/2018K4/statuses');
    // The viewer sees notes the public does not: a browser switching between them gets fresh answers.
    expect(logged.headers.etag).not.toBe(anonymous.headers.etag);
    const revalidated = await app.inject({ url: '/api/quarters/2018K4/statuses', headers: { 'if-none-match': String(logged.headers.etag) } });
    expect(revalidated.statusCode).toBe(200);
  });
});
