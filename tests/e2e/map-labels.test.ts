/**
 * Municipality names on the map at 1366 × 768, the smallest screen in use: at least 10 px on
 * screen, no two overlapping; the Copenhagen area's names in its zoomed panel.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMap, SCREENSHOTS, settled, startSession, type Session } from './browser.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession({ width: 1366, height: 768 });
  // The "Navne" switch is a personal setting kept in localStorage.
  await session.page.goto(`${session.baseUrl}/login`);
  await session.page.evaluate(() => localStorage.setItem('vv-monitor.display', JSON.stringify({ labels: true })));
});
afterAll(() => session?.close());

interface Shown {
  code: string;
  place: string;
  pixels: number;
  box: { x0: number; y0: number; x1: number; y1: number };
}

async function shownLabels(scope: string): Promise<Shown[]> {
  return session.page.$$eval(`${scope} text[data-label]`, (texts) =>
    texts.map((text) => {
      const t = text as SVGTextElement;
      const box = t.getBoundingClientRect();
      // The font size on screen: its size in drawing units through the element's transform.
      const pixels = Number(t.closest('g')!.getAttribute('font-size')) * (t.getScreenCTM()?.a ?? 0);
      return {
        code: t.getAttribute('data-label')!,
        place: t.getAttribute('data-label-place')!,
        pixels,
        box: { x0: box.left, y0: box.top, x1: box.right, y1: box.bottom },
      };
    }),
  );
}

const overlap = (a: Shown['box'], b: Shown['box']) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function collisions(labels: Shown[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i].box, labels[j].box)) found.push(`${labels[i].code} × ${labels[j].code}`);
  }
  return found;
}

describe('name labels at 1366 × 768', () => {
  it('on the map: at least 10 px, none overlapping, Copenhagen’s in the zoomed panel', async () => {
    await openMap(session, '?quarter=2018K4', 'text[data-label]');
    await settled(session.page);
    const labels = await shownLabels('.map-view');
    expect(labels.filter((l) => l.place === 'country').length).toBeGreaterThan(30);
    expect(labels.filter((l) => l.place === 'zoom').length).toBeGreaterThan(5);
    expect(labels.filter((l) => l.pixels < 10).map((l) => `${l.code}: ${l.pixels.toFixed(1)} px`)).toEqual([]);
    expect(collisions(labels)).toEqual([]);
    // The small Copenhagen municipalities are named in the panel, never on the country map.
    expect(labels.filter((l) => l.place === 'country').map((l) => l.code)).not.toContain('0147');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'map-labels-1366.png') });
  });

  it('on the compare view’s change map and the transitions map: none overlapping', async () => {
    for (const [search, scope] of [
      ['?view=compare', '.change-map'],
      ['?view=transitions', '.map-card'],
    ]) {
      await openMap(session, search, `${scope} text[data-label]`);
      await settled(session.page);
      const labels = await shownLabels(scope);
      expect(labels.length, search).toBeGreaterThan(10);
      expect(labels.filter((l) => l.pixels < 10).length, search).toBe(0);
      expect(collisions(labels), search).toEqual([]);
    }
  });
});
