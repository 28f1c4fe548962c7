/**
 * Access is decided by the route a request matched, not by how its URL was spelled: with reading
 * behind a login, every data route of the OpenAPI document refuses an anonymous caller in all four
 * forms a request line can take (plain GET, HEAD, a percent-encoded path, an absolute-form target).
 * Sent over a real socket, so the request line reaches Fastify exactly as written.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, rawStatus as rawRequestStatus } from '../helper.ts';

let app: FastifyInstance;
let port: number;
beforeAll(async () => {
  ({ app } = await buildTestApp({ anonymousRead: 'off' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

/** One HTTP/1.1 request with the request line exactly as given; the status code of the answer. */
const rawStatus = (method: string, target: string) => rawRequestStatus(port, method, target);

/** Example values for the path parameters of the OpenAPI paths. */
const EXAMPLES: Record<string, string> = { quarter: '2018K4', code: '0101', year: '2018', id: '1' };
const PUBLIC = ['/api/health', '/api/auth/session'];
/** Published quarters are public by design (tests/security/published.test.ts): 404 until published. */
const PUBLISHED = ['/api/published', '/api/published/counts.csv', '/api/published/{quarter}', '/api/published/{quarter}/municipalities.csv'];

/** Percent-encodes the first letter of every segment: /api/areas → /%61pi/%61reas. */
function percentEncoded(path: string): string {
  return path.replace(/\/([a-z])/g, (_, letter: string) => `/%${letter.charCodeAt(0).toString(16)}`);
}

describe('reading behind a login', () => {
  it('the OpenAPI document lists the data routes this test covers', async () => {
    const spec = (await app.inject('/docs/json')).json();
    const gets = Object.entries(spec.paths as Record<string, Record<string, unknown>>).filter(([, ops]) => 'get' in ops);
    expect(gets.length).toBeGreaterThan(15);
  });

  it('refuses every non-public GET route of the OpenAPI document in all four forms', async () => {
    const spec = (await app.inject('/docs/json')).json();
    const paths = Object.keys(spec.paths as Record<string, Record<string, unknown>>)
      .filter((path) => 'get' in spec.paths[path] && !PUBLIC.includes(path) && !PUBLISHED.includes(path))
      .map((path) => path.replace(/\{(\w+)\}/g, (_, name: string) => EXAMPLES[name]));
    const answers: Record<string, number[]> = {};
    for (const path of paths) {
      answers[path] = [
        await rawStatus('GET', path),
        await rawStatus('HEAD', path),
        await rawStatus('GET', percentEncoded(path)),
        await rawStatus('GET', `http://x${path}`),
      ];
    }
    const leaks = Object.entries(answers).filter(([, statuses]) => statuses.some((s) => s !== 401));
    expect(leaks).toEqual([]);
  });

  it('still answers the public routes and the pages in every form', async () => {
    for (const path of PUBLIC) {
      expect(await rawStatus('GET', path)).toBe(200);
      expect(await rawStatus('HEAD', path)).toBe(200);
      expect(await rawStatus('GET', `http://x${path}`)).toBe(200);
    }
    expect(await rawStatus('GET', '/docs/json')).toBe(200);
  });

  it('refuses unsafe methods without a session by route as well', async () => {
    expect(await rawStatus('POST', '/%61pi/quarters')).toBe(401);
    expect(await rawStatus('POST', 'http://x/api/quarters')).toBe(401);
  });
});
