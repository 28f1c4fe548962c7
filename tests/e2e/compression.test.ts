import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type Session } from './browser.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

describe('the built dashboard', () => {
  it('reaches the browser compressed: every script and style sheet of more than a kilobyte, and the map', async () => {
    const encodings = new Map<string, string | undefined>();
    session.page.on('response', async (response) => {
      const path = new URL(response.url()).pathname;
      if (!/\.(js|css|json)$/.test(path) || response.status() !== 200) return;
      // A file of a few hundred bytes gains nothing from compression: the build keeps no copy of it.
      if ((await response.body()).length > 1024) encodings.set(path, response.headers()['content-encoding']);
    });
    const page = await session.page.goto(`${session.baseUrl}/`);
    // The page itself comes from memory (server/http/page.ts), as one of the build's copies.
    expect(page!.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
    await session.page.waitForSelector('path.municipality[data-code]');
    const files = [...encodings.keys()];
    expect(files.some((path) => path.startsWith('/assets/') && path.endsWith('.js'))).toBe(true);
    expect(files).toContain('/geo/municipalities.topo.json');
    for (const [path, encoding] of encodings) expect([path, encoding]).toEqual([path, expect.stringMatching(/^(br|gzip)$/)]);
    expect(session.errors).toEqual([]);
  });
});
