/**
 * A published map embedded in a page from another local origin: a second small HTTP server on
 * another 127.0.0.1 port serves a page with iframes, as a partner's website would. The published
 * quarter renders there; a draft and an unpublished quarter are refused there; a site that is not
 * in EMBED_ORIGINS, and the rest of the app, cannot be framed at all.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helper.ts';
import { waitFor } from '../wait-for.ts';
import { SCREENSHOTS, startSession, type Session } from './browser.ts';

let session: Session;
let partner: Server;
let stranger: Server;
let partnerOrigin: string;
let strangerOrigin: string;
let pages: Record<string, string> = {};

/** A tiny website on its own 127.0.0.1 port: it serves whatever page a test puts at a path. */
async function website(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const page = pages[request.url ?? '/'];
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const hostPage = (frames: Record<string, string>, width = '100%') => `<!doctype html><html lang="da"><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>Røde Kors: Venner Viser Vej</title><link rel="icon" href="data:,">
<body style="font-family:sans-serif;margin:1rem;max-width:60rem"><h1>Venner Viser Vej i kommunerne</h1>
<p>Sådan står det til i landets 98 kommuner.</p>
${Object.entries(frames)
  .map(([id, src]) => `<iframe id="${id}" src="${src}" title="${id}" style="width:${width};border:0" height="640"></iframe>`)
  .join('\n')}
</body></html>`;

beforeAll(async () => {
  ({ server: partner, origin: partnerOrigin } = await website());
  ({ server: stranger, origin: strangerOrigin } = await website());
  session = await startSession({ width: 1366, height: 768 }, { embedOrigins: [partnerOrigin], anonymousRead: 'off' });
  const admin = await loginAs(session.app, 'admin');
  expect((await admin.inject('POST', '/api/quarters/2018K4/publish')).statusCode).toBe(200);
  expect((await admin.inject('POST', '/api/quarters/2016K2/publish')).statusCode).toBe(200);
  expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);
});
afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => partner?.close(resolve));
  await new Promise((resolve) => stranger?.close(resolve));
});

/** The frame of an iframe, once it has navigated. */
async function frame(id: string): Promise<Frame> {
  const handle = await session.page.waitForSelector(`iframe#${id}`);
  return waitFor(async () => {
    const content = await handle.contentFrame();
    return content && content.url() !== 'about:blank' ? content : undefined;
  }, { what: `the frame ${id}` }) as Promise<Frame>;
}

describe('a published map on a partner’s page', () => {
  it('renders in the iframe with its counts, the "Se i VV Monitor" link and the source line', async () => {
    pages = { '/': hostPage({ map: `${session.baseUrl}/embed/map/2018K4` }) };
    await session.page.goto(`${partnerOrigin}/`);
    const map = await frame('map');
    await map.waitForSelector('path.municipality[data-code]');
    expect(await map.locator('path.municipality[data-code]').count()).toBe(98);
    const counts = await map.$$eval('[data-count]', (cells) => Object.fromEntries(cells.map((c) => [c.getAttribute('data-count'), Number(c.textContent)])));
    expect(counts).toMatchObject({ green: 63, yellow: 32, red: 3 });
    const link = map.locator('a.open-in-vv');
    expect(await link.textContent()).toContain('Se i VV Monitor');
    expect(await link.getAttribute('href')).toBe(`${session.baseUrl}/?quarter=2018K4`);
    expect(await link.getAttribute('target')).toBe('_blank');
    const source = await map.textContent('.source');
    expect(source).toContain('Danmarks Administrative Geografiske Inddeling (DAGI)');
    expect(source).toMatch(/Røde Kors/);
    expect(await map.textContent('h1, h2')).toMatch(/4\. kvt\. 2018/);
    expect(session.errors).toEqual([]);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'embed-partner-map-1366.png'), fullPage: true });
  });

  it('fits a narrow phone width without scrolling sideways', async () => {
    await session.page.setViewportSize({ width: 390, height: 844 });
    await session.page.goto(`${partnerOrigin}/`);
    const map = await frame('map');
    await map.waitForSelector('path.municipality[data-code]');
    const overflow = await map.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'embed-partner-map-390.png'), fullPage: true });
    await session.page.setViewportSize({ width: 1366, height: 768 });
  });

  it('shows the comparison and the trend of published quarters', async () => {
    pages = { '/': hostPage({ compare: `${session.baseUrl}/embed/compare/2016K2/2018K4`, trend: `${session.baseUrl}/embed/trend?lang=en` }) };
    await session.page.goto(`${partnerOrigin}/`);
    const compare = await frame('compare');
    await compare.waitForSelector('path.municipality[data-code]');
    expect(await compare.locator('svg[data-map]').count()).toBe(2);
    expect(await compare.textContent('body')).toMatch(/2\. kvt\. 2016/);
    // Every municipality that got a better category counts, a jump from red to green too.
    const published = async (quarter: string) =>
      new Map(((await session.app.inject(`/api/published/${quarter}`)).json().municipalities as { code: string; category: number | null }[]).map((m) => [m.code, m.category]));
    const [before, after] = [await published('2016K2'), await published('2018K4')];
    const better = [...before].filter(([code, category]) => category !== null && after.get(code) != null && after.get(code)! < category).length;
    expect([...before].some(([code, category]) => category === 3 && after.get(code) === 1)).toBe(true);
    expect(await compare.textContent('[data-change="improved"] strong')).toBe(String(better));
    const trend = await frame('trend');
    await trend.waitForSelector('[data-quarter="2018K4"]');
    expect(await trend.locator('[data-quarter]').count()).toBe(2);
    expect(await trend.textContent('a.open-in-vv')).toContain('View in VV Monitor');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'embed-partner-compare-trend-1366.png'), fullPage: true });
  });

  it('refuses a draft and an unpublished quarter there', async () => {
    pages = { '/': hostPage({ draft: `${session.baseUrl}/embed/map/2019K1`, unpublished: `${session.baseUrl}/embed/map/2018K3` }) };
    await session.page.goto(`${partnerOrigin}/`);
    for (const id of ['draft', 'unpublished']) {
      const refused = await frame(id);
      await refused.waitForSelector('p');
      expect(await refused.textContent('body'), id).toContain('Dette kvartal er ikke offentliggjort');
      expect(await refused.locator('path.municipality').count()).toBe(0);
    }
  });
});

describe('framing elsewhere', () => {
  it('is refused to a site not in EMBED_ORIGINS, and for the dashboard itself', async () => {
    pages = { '/': hostPage({ map: `${session.baseUrl}/embed/map/2018K4` }), '/dashboard': hostPage({ app: `${session.baseUrl}/` }) };
    const blocked: string[] = [];
    session.page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) blocked.push(message.text());
    });
    await session.page.goto(`${strangerOrigin}/`);
    await waitFor(() => blocked.length > 0, { what: 'the browser to refuse the frame' });
    const map = await session.page.waitForSelector('iframe#map');
    expect(await (await map.contentFrame())?.locator('path.municipality').count()).toBe(0);

    blocked.length = 0;
    await session.page.goto(`${partnerOrigin}/dashboard`);
    await waitFor(() => blocked.length > 0, { what: 'the browser to refuse framing the dashboard' });
    // The console errors of refused frames are the point of this test, not page errors.
    session.errors.length = 0;
  });
});
