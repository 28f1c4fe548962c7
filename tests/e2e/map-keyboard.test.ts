/**
 * The map from the keyboard: one tab stop; the arrow keys move to a neighbouring municipality in
 * that direction (neighbours as the committed map's topology has them), Page Up and Page Down step
 * through quarters, Enter opens the panel, and the focus ring shows where focus is.
 */
import { readFileSync } from 'node:fs';
import { neighbors } from 'topojson-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMap, startSession, type Session } from './browser.ts';

const TOPOLOGY = JSON.parse(readFileSync(new URL('../../geo/default/municipalities.topo.json', import.meta.url), 'utf8'));
const geometries: { id: string }[] = TOPOLOGY.objects.municipalities.geometries;
const bordering = neighbors(TOPOLOGY.objects.municipalities.geometries);
const neighboursOf = (code: string) => bordering[geometries.findIndex((g) => String(g.id) === code)].map((i) => String(geometries[i].id));

let session: Session;
beforeAll(async () => {
  session = await startSession({ width: 1366, height: 768 });
});
afterAll(() => session?.close());

const focusedCode = () => session.page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null);
const quarter = () => new URL(session.page.url()).searchParams.get('quarter');
/** The centre of a municipality's shape on screen. */
const centre = (code: string) =>
  session.page.$eval(`path.municipality[data-code="${code}"]`, (p) => {
    const box = p.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });

describe('the map from the keyboard', () => {
  it('is one tab stop', async () => {
    await openMap(session, '?quarter=2018K4');
    expect(await session.page.locator('path.municipality[tabindex="0"]').count()).toBe(1);
    await session.page.focus('[data-testid="municipality-search"]');
    let code: string | null = null;
    for (let i = 0; i < 20 && !code; i++) {
      await session.page.keyboard.press('Tab');
      code = await focusedCode();
    }
    expect(code).not.toBeNull();
    await session.page.keyboard.press('Tab');
    expect(await focusedCode()).toBeNull();
  });

  it('moves with the arrow keys to a bordering municipality in that direction, leaving the quarter alone', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.focus('path.municipality[data-code="0751"]');
    const aarhus = await centre('0751');
    for (const [key, test] of [
      ['ArrowLeft', (p: { x: number }) => p.x < aarhus.x],
      ['ArrowDown', (p: { y: number }) => p.y > aarhus.y],
    ] as const) {
      await session.page.focus('path.municipality[data-code="0751"]');
      await session.page.keyboard.press(key);
      const moved = await focusedCode();
      expect(neighboursOf('0751'), `${key} from Aarhus`).toContain(moved);
      expect(test(await centre(moved!)), `${key} goes that way`).toBe(true);
      expect(await session.page.getAttribute('[data-focus-ring]', 'data-focus-ring')).toBe(moved);
    }
    expect(quarter()).toBe('2018K4');
    expect(await session.page.locator('path.municipality[tabindex="0"]').getAttribute('data-code')).toBe(await focusedCode());
  });

  it('reaches an island from the mainland: Samsø from Odder', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.focus('path.municipality[data-code="0727"]');
    await session.page.keyboard.press('ArrowRight');
    expect(neighboursOf('0727')).not.toContain('0741');
    expect(await focusedCode()).toBe('0741');
    await session.page.keyboard.press('ArrowLeft');
    expect(await focusedCode()).toBe('0727');
  });

  it('steps through quarters with Page Up and Page Down, keeping focus on the municipality', async () => {
    await openMap(session, '?quarter=2018K2');
    await session.page.focus('path.municipality[data-code="0101"]');
    await session.page.keyboard.press('PageUp');
    await session.page.waitForFunction(() => new URL(location.href).searchParams.get('quarter') === '2018K1');
    await session.page.keyboard.press('PageDown');
    await session.page.keyboard.press('PageDown');
    await session.page.waitForFunction(() => new URL(location.href).searchParams.get('quarter') === '2018K3');
    expect(await focusedCode()).toBe('0101');
  });

  it('gives focus back to the Præsentation button when meeting mode ends', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.focus('[data-testid="present"]');
    await session.page.keyboard.press('Enter');
    await session.page.waitForSelector('.present-head');
    await session.page.keyboard.press('Escape');
    await session.page.waitForSelector('[data-testid="present"]');
    await session.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'present');
  });

  it('opens the panel with Enter', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.focus('path.municipality[data-code="0101"]');
    await session.page.keyboard.press('ArrowRight');
    const code = await focusedCode();
    await session.page.keyboard.press('Enter');
    await session.page.waitForSelector('[data-testid="municipality-panel"]');
    expect(new URL(session.page.url()).searchParams.get('municipality')).toBe(code);
  });
});
