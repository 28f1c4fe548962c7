/**
 * Published quarters are the one thing anonymous callers may read where reading needs a login:
 * their answers hold no free text and no names of people, and a draft or unpublished quarter is
 * refused (404) in every form a request can take. Embed pages may be framed by EMBED_ORIGINS;
 * every other page stays unframeable.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignArea, buildTestApp, loginAs, rawStatus as rawRequestStatus, type Client } from '../helper.ts';

const WEB = fileURLToPath(new URL('../server/fixtures/web', import.meta.url));
const PARTNER = 'https://www.rodekors.dk';
const SECRET_NOTE = 'Hemmelig note om borgmesteren';
const SECRET_REASON = 'Fortrolig årsag fra mødet';

let app: FastifyInstance;
let port: number;
let admin: Client;
let consultant: Client;

beforeAll(async () => {
  ({ app } = await buildTestApp({ anonymousRead: 'off', webRoot: WEB, embedOrigins: [PARTNER], publicUrl: 'https://vv.example.dk' }));
  admin = await loginAs(app, 'admin');
  consultant = await loginAs(app, 'consultant', 'karen.kirk@rodekors.dk');
  expect((await admin.inject('PATCH', `/api/users/${consultant.user.id}`, { name: 'Karen Kirk' })).statusCode).toBe(200);
  consultant = await loginAs(app, 'consultant', 'karen.kirk@rodekors.dk');
  assignArea(app, consultant.user.id, 'Hovedstaden');
  // 2019K1: free text and a named editor, then final and published.
  expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);
  const rows = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json() as { code: string; category: number; version: number }[];
  const kbh = rows.find((r) => r.code === '0101')!;
  const saved = await consultant.inject('PUT', '/api/quarters/2019K1/statuses/0101', {
    category: kbh.category === 1 ? 2 : 1,
    reason: 'other',
    reasonText: SECRET_REASON,
    note: SECRET_NOTE,
    version: kbh.version,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const rest = rows.filter((r) => r.code !== '0101').map(({ code, category, version }) => ({ code, category, version, note: `${SECRET_NOTE} ${code}` }));
  expect((await admin.inject('PUT', '/api/quarters/2019K1/statuses', { rows: rest })).statusCode).toBe(200);
  expect((await admin.inject('POST', '/api/quarters/2019K1/finalise')).statusCode).toBe(200);
  expect((await admin.inject('POST', '/api/quarters/2019K1/publish')).statusCode).toBe(200);
  // 2019K2: a draft with notes.
  expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

const PUBLISHED_ROUTES = ['/api/published', '/api/published/counts.csv', '/api/published/2019K1', '/api/published/2019K1/municipalities.csv'];

describe('published answers', () => {
  it('hold no free text, no names of people and no e-mail addresses', async () => {
    for (const url of PUBLISHED_ROUTES) {
      const answer = await app.inject(url);
      expect(answer.statusCode, url).toBe(200);
      for (const secret of [SECRET_NOTE, SECRET_REASON, 'Karen Kirk', 'Test admin', '@']) expect(answer.body, `${url} holds ${secret}`).not.toContain(secret);
    }
    const snapshot = (await app.inject('/api/published/2019K1')).json();
    const keys = new Set(snapshot.municipalities.flatMap((m: object) => Object.keys(m)));
    expect([...keys].sort()).toEqual(['agreements', 'category', 'code', 'name', 'reason', 'regionCode', 'zeroQuota']);
    expect(Object.keys(snapshot).sort()).toEqual(['agreements', 'counts', 'dataset', 'definitions', 'municipalities', 'municipalitiesWithOffer', 'publishedAt', 'quarter', 'zeroQuota']);
    // The reason code is published; its text is not.
    expect(snapshot.municipalities.find((m: { code: string }) => m.code === '0101').reason).toBe('other');
  });
});

/** The status code of one request whose request line is exactly as given. */
const rawStatus = (method: string, target: string) => rawRequestStatus(port, method, target);

const forms = async (path: string) => [
  await rawStatus('GET', path),
  await rawStatus('HEAD', path),
  await rawStatus('GET', path.replace('/api/', '/%61pi/')),
  await rawStatus('GET', `http://x${path}`),
];

describe('drafts and unpublished quarters', () => {
  it('are refused in every form: a draft, a final quarter never published, a withdrawn one', async () => {
    for (const quarter of ['2019K2', '2018K4']) {
      expect(await forms(`/api/published/${quarter}`), quarter).toEqual([404, 404, 404, 404]);
      expect(await forms(`/api/published/${quarter}/municipalities.csv`), quarter).toEqual([404, 404, 404, 404]);
    }
    expect(await forms('/api/published/2019K1')).toEqual([200, 200, 200, 200]);
    expect((await app.inject('/api/published')).json().map((q: { quarter: string }) => q.quarter)).toEqual(['2019K1']);
  });

  it('are refused by the embed pages with a page that says so', async () => {
    for (const url of ['/embed/map/2019K2', '/embed/map/2018K4', '/embed/map/nonsense', '/embed/compare/2019K1/2019K2', '/embed/compare/2018K4/2019K1']) {
      const answer = await app.inject(url);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.body).toContain('Dette kvartal er ikke offentliggjort');
      expect(answer.body).not.toContain('fixture embed');
    }
    expect((await app.inject('/embed/map/2019K1')).body).toContain('fixture embed');
    expect((await app.inject('/embed/compare/2019K1/2019Q1')).statusCode).toBe(200);
    expect((await app.inject('/embed/trend')).statusCode).toBe(200);
  });

  it('leave everything else behind the login', async () => {
    for (const url of ['/api/quarters', '/api/summary?quarter=2019K1', '/api/quarters/2019K1/statuses', '/api/quarters/2019K1/progress', '/api/meta', '/api/areas']) {
      expect((await app.inject(url)).statusCode, url).toBe(401);
    }
  });
});

describe('framing', () => {
  it('lets EMBED_ORIGINS frame the embed pages, refusals included, and nothing else', async () => {
    for (const url of ['/embed/map/2019K1', '/embed/map/2019K2', '/embed/trend']) {
      const answer = await app.inject(url);
      expect(answer.headers['content-security-policy'], url).toContain(`frame-ancestors 'self' ${PARTNER}`);
      expect(answer.headers['x-frame-options'], url).toBeUndefined();
    }
    for (const url of ['/', '/login', '/embed.html', '/api/published/2019K1', '/api/health']) {
      const answer = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(answer.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });
});
