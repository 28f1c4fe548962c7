/**
 * The transitions view ("Bevægelser"): its counts against the status matrix the API answers, the
 * flows' municipalities with their reasons, a chosen flow marked on the map, every step of the
 * period, and the period's falls and recoveries per region.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusMatrix } from '../../web/src/lib/contract.ts';
import { adminApi, logIn, logInAs, openMap, SCREENSHOTS, settled, startSession, type Session } from './browser.ts';

let session: Session;
let matrix: StatusMatrix;
beforeAll(async () => {
  session = await startSession({ width: 1366, height: 768 });
  matrix = await adminApi<StatusMatrix>(session, '/api/statuses');
  // Reading needs a session once an account exists.
  await logIn(session, 'admin');
});
afterAll(() => session?.close());

const state = (category: number | null) => (category === null ? 'none' : String(category));

/** The matrix the test computes itself: "from>to" → number of municipalities (or steps). */
function expected(pairs: [number, number][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of matrix.municipalities) {
    for (const [i, j] of pairs) {
      const key = `${state(m.categories[i])}>${state(m.categories[j])}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

async function shownCounts(): Promise<Record<string, number>> {
  return session.page.$$eval('[data-testid="transition-matrix"] tbody [data-from]', (cells) =>
    Object.fromEntries(
      cells.filter((c) => c.textContent !== '0').map((c) => [`${c.getAttribute('data-from')}>${c.getAttribute('data-to')}`, Number(c.textContent)]),
    ),
  );
}

describe('transitions', () => {
  it('counts between two quarters equal the status matrix, and the flow diagram draws the same counts', async () => {
    await openMap(session, '?view=transitions&from=2016K2&to=2018K4', '[data-testid="transition-matrix"]');
    const i = matrix.quarters.indexOf('2016K2');
    const j = matrix.quarters.indexOf('2018K4');
    const want = expected([[i, j]]);
    expect(await shownCounts()).toEqual(want);
    const bands = await session.page.$$eval('[data-testid="flow-diagram"] [data-flow]', (paths) =>
      Object.fromEntries(paths.map((p) => [p.getAttribute('data-flow'), Number(p.getAttribute('data-count'))])),
    );
    expect(bands).toEqual(want);
    // Column totals are the later quarter's counts: 63 green, 32 yellow, 3 red in 2018K4.
    const columns = await session.page.$$eval('[data-column-total]', (cells) => cells.map((c) => `${c.getAttribute('data-column-total')}=${c.textContent}`));
    expect(columns).toEqual(['1=63', '2=32', '3=3', 'none=0']);
    await settled(session.page);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'transitions-1366.png'), fullPage: true });
  });

  it('summed over every quarter step, equal the matrix step by step', async () => {
    await session.page.click('[data-mode="steps"]');
    await session.page.waitForSelector('[data-testid="transition-matrix"] caption:has-text("kvartalsskift")');
    const steps = matrix.quarters.slice(1).map((_, k) => [k, k + 1] as [number, number]);
    expect(await shownCounts()).toEqual(expected(steps));
    expect(new URL(session.page.url()).searchParams.get('steps')).toBe('1');
    await session.page.click('[data-mode="pair"]');
  });

  it('focusing a flow lists its municipalities with their reasons; choosing it marks them on the map', async () => {
    await openMap(session, '?view=transitions&from=2017K4&to=2018K1', '[data-testid="transition-matrix"]');
    const i = matrix.quarters.indexOf('2017K4');
    const fell = matrix.municipalities.filter((m) => m.categories[i] === 1 && m.categories[i + 1] === 2);
    expect(fell.length).toBeGreaterThan(0);
    await session.page.focus('[data-flow="1>2"]');
    const listed = await session.page.$$eval('[data-testid="flow-municipalities"] li', (items) =>
      items.map((li) => ({ code: li.getAttribute('data-code'), why: li.querySelector('.why')?.textContent ?? '' })),
    );
    expect(listed.map((l) => l.code).sort()).toEqual(fell.map((m) => m.code).sort());
    // Every change between assessed quarters has a reason recorded, and the list names it.
    expect(listed.every((l) => l.why !== '' && l.why !== 'Ingen årsag registreret')).toBe(true);
    await session.page.keyboard.press('Enter');
    const marked = await session.page.$$eval('path.municipality[data-highlighted]', (paths) => paths.map((p) => p.getAttribute('data-code')).sort());
    expect(marked).toEqual(fell.map((m) => m.code).sort());
  });

  it('gives the reason a municipality was not assessed', async () => {
    // 2016K2 has two municipalities not yet assessed; the step to 2016K3 brings them in.
    await openMap(session, '?view=transitions&from=2016K2&to=2016K3', '[data-testid="transition-matrix"]');
    const cells = await session.page.$$eval('[data-from="none"]', (c) => c.map((x) => Number(x.textContent)).reduce((a, b) => a + b, 0));
    expect(cells).toBe(2);
  });

  it('counts per region who ever went down and who recovered, with the country in the last row', async () => {
    await openMap(session, '?view=transitions', '[data-testid="region-movement"]');
    const wentDown = matrix.municipalities.filter((m) => m.categories.some((c, k) => k > 0 && c !== null && m.categories[k - 1] !== null && c > m.categories[k - 1]!));
    const country = await session.page.$eval('[data-region="all"] [data-went-down]', (cell) => Number(cell.textContent));
    expect(country).toBe(wentDown.length);
    const regions = await session.page.$$eval('[data-region] [data-went-down]', (cells) => cells.map((c) => Number(c.textContent)));
    expect(regions.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(country);
  });

  it('is a view of its own in the toolbar, and reads in English', async () => {
    await logInAs(session, 'viewer');
    await openMap(session, '?lang=en', '[data-view="transitions"]');
    await session.page.click('[data-view="transitions"]');
    await session.page.waitForSelector('[data-testid="transition-matrix"]');
    expect(await session.page.textContent('[data-view="transitions"]')).toContain('Movements');
    expect(await session.page.textContent('.transitions h2')).toContain('From');
  });
});
