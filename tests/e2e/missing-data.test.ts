/**
 * Honest missing data: a municipality marked "not assessed" shows the reason given in the compare
 * list, the history panel and on its own page, and the priority list ranks it as needing
 * attention, not as low risk. Nobody reporting volunteers reads "–" everywhere, not 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Client } from '../helper.ts';
import { ensureOpen2019K1, logIn, openMap, openPage, startSession, type Session } from './browser.ts';

const REASON = 'Kontaktpersonen er på barsel; ingen at spørge';
let session: Session;
let admin: Client;
beforeAll(async () => {
  session = await startSession({ width: 1366, height: 768 });
  admin = await loginAs(session.app, 'admin', 'missing-admin@vv.test');
  await ensureOpen2019K1(admin);
  const rows = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json() as { code: string; version: number }[];
  const ishoj = rows.find((r) => r.code === '0183')!;
  const saved = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0183', { category: null, reasonText: REASON, version: ishoj.version });
  expect(saved.statusCode).toBe(200);
  await logIn(session, 'admin');
});
afterAll(() => session?.close());

describe('not assessed, with its reason', () => {
  it('is listed with the reason in compare', async () => {
    await openMap(session, '?view=compare&from=2018K4&to=2019K1', '[data-testid="not-assessed-list"]');
    const row = session.page.locator('[data-testid="not-assessed-list"] tr[data-code="0183"]');
    expect(await row.textContent()).toContain(REASON);
    expect(await session.page.textContent('#compare-unassessed')).toMatch(/^1 kommune ikke vurderet/);
  });

  it('shows the reason in the history panel and on the municipality page', async () => {
    await openMap(session, '?quarter=2019K1&municipality=0183', '[data-testid="municipality-panel"]');
    await session.page.locator('[data-testid="municipality-panel"]', { hasText: REASON }).waitFor();
    await openPage(session, '/municipalities/0183', '[data-testid="not-assessed-reason"]');
    expect(await session.page.textContent('[data-testid="not-assessed-reason"]')).toContain(REASON);
    expect(await session.page.textContent('[data-testid="timeline"]')).toContain(REASON);
  });

  it('ranks as needing attention in the priority list', async () => {
    await openPage(session, '/area?quarter=2019K1', '[data-testid="priority-list"] tr[data-code="0183"]');
    const row = session.page.locator('[data-testid="priority-list"] tr[data-code="0183"]');
    expect(await row.getAttribute('data-rules')).toContain('notAssessed');
    expect(await row.textContent()).toContain('Ikke vurderet i kvartalet');
    // Above every municipality that is green with nothing else against it.
    const scores = await session.page.$$eval('[data-testid="priority-list"] tr[data-code]', (rows) =>
      rows.map((r) => ({ code: r.getAttribute('data-code'), score: Number(r.getAttribute('data-score')) })),
    );
    const ishoj = scores.findIndex((s) => s.code === '0183');
    expect(scores[ishoj].score).toBeGreaterThanOrEqual(30);
    expect(scores.slice(ishoj + 1).every((s) => s.score <= scores[ishoj].score)).toBe(true);
  });
});
