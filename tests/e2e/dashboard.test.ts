import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legendCounts, mapCategories, openMap, SCREENSHOTS, startSession, type Session } from './browser.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

/** The map, and the legend's counts. */
const open = (search = '') => openMap(session, search, '[data-count="green"]');

describe('the dashboard in Chromium', () => {
  it('draws the 98 municipalities for the newest final quarter, labelled as demo', async () => {
    await open();
    const categories = await mapCategories(session.page);
    expect(Object.keys(categories)).toHaveLength(98);
    expect(await session.page.inputValue('[data-testid="quarter-select"]')).toBe('2018K4');
    await expect(session.page.textContent('[data-testid="demo-badge"]')).resolves.toMatch(/Demodata/);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'map-2018K4-1920.png') });
  });

  it('reads 63 / 32 / 3 in the legend for 2018K4, and colours the map to match', async () => {
    await open('?quarter=2018K4');
    expect(await legendCounts(session.page)).toMatchObject({ green: 63, yellow: 32, red: 3, notAssessed: 0, zeroQuota: 12 });
    const categories = Object.values(await mapCategories(session.page));
    expect(categories.filter((c) => c === '1')).toHaveLength(63);
    expect(categories.filter((c) => c === '2')).toHaveLength(32);
    expect(categories.filter((c) => c === '3')).toHaveLength(3);
    expect(await session.page.locator('[data-zero-quota]').count()).toBe(12);
  });

  it('shows the national recruitment need and the quarter’s support activities', async () => {
    await open('?quarter=2018K4');
    await expect(session.page.textContent('[data-figure="volunteersMissing"] .value')).resolves.toBe('991');
    const activities = await session.page.textContent('[data-figure="activities"] .value');
    const logged = (await session.app.inject('/api/activities?quarter=2018K4')).json().length;
    expect(Number(activities)).toBe(logged);
    expect(logged).toBeGreaterThan(0);
  });

  it('changes the colours when another quarter is chosen', async () => {
    await open('?quarter=2018K4');
    const before = await mapCategories(session.page);
    await session.page.selectOption('[data-testid="quarter-select"]', '2016K2');
    await session.page.waitForFunction(() => document.querySelector('[data-count="green"]')?.textContent === '24');
    const after = await mapCategories(session.page);
    const changed = Object.keys(before).filter((code) => before[code] !== after[code]);
    expect(changed.length).toBeGreaterThan(20);
    expect(Object.values(after).filter((c) => c === 'none')).toHaveLength(2);
    expect(await legendCounts(session.page)).toMatchObject({ green: 24, yellow: 48, red: 24, notAssessed: 2, zeroQuota: 4 });
    // The address follows once the user stops stepping (Dashboard.writeUrl waits a moment).
    await session.page.waitForFunction(() => new URLSearchParams(location.search).get('quarter') === '2016K2');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'map-2016K2-1920.png') });
  });

  it('steps through quarters with the arrow keys', async () => {
    await open('?quarter=2017K1');
    await session.page.keyboard.press('ArrowRight');
    await session.page.waitForFunction(() => new URL(location.href).searchParams.get('quarter') === '2017K2');
    await session.page.keyboard.press('ArrowLeft');
    await session.page.keyboard.press('ArrowLeft');
    await session.page.waitForFunction(() => new URL(location.href).searchParams.get('quarter') === '2016K4');
    expect(await session.page.inputValue('[data-testid="quarter-select"]')).toBe('2016K4');
  });

  it('shows name, code, category and agreements on hover', async () => {
    await open('?quarter=2018K4');
    await session.page.hover('path[data-code="0751"]');
    const tooltip = await session.page.textContent('[role="tooltip"]');
    expect(tooltip).toContain('Aarhus');
    expect(tooltip).toContain('0751');
    expect(tooltip).toMatch(/Grøn|Gul|Rød/);
    expect(tooltip).toMatch(/Aftale|Ingen aktiv aftale/);
  });

  it('opens the municipality’s history across all quarters on click', async () => {
    await open('?quarter=2018K4');
    await session.page.click('path[data-code="0751"]');
    const panel = session.page.locator('[data-testid="municipality-panel"]');
    await panel.locator('h2', { hasText: 'Aarhus' }).waitFor();
    await panel.locator('[data-testid="history-strip"] li').nth(10).waitFor();
    expect(await panel.locator('[data-testid="history-strip"] li').count()).toBe(11);
    expect(new URL(session.page.url()).searchParams.get('municipality')).toBe('0751');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'history-0751-1920.png') });
    await session.page.keyboard.press('Escape');
    await expect(panel.count()).resolves.toBe(0);
  });

  it('opens a municipality from the keyboard', async () => {
    await open('?quarter=2018K4');
    await session.page.focus('path[data-code="0101"]');
    await session.page.keyboard.press('Enter');
    await session.page.locator('[data-testid="municipality-panel"] h2', { hasText: 'København' }).waitFor();
  });

  it('switches to English and keeps the choice in the link', async () => {
    await open('?quarter=2018K4');
    await session.page.click('button.language');
    await expect(session.page.textContent('[data-legend="green"]')).resolves.toContain('Green');
    await expect(session.page.locator('[data-testid="quarter-select"] option:checked').textContent()).resolves.toBe('Q4 2018');
    expect(new URL(session.page.url()).searchParams.get('lang')).toBe('en');
  });

  it('fits a 1366 × 768 laptop screen', async () => {
    await session.page.setViewportSize({ width: 1366, height: 768 });
    await open('?quarter=2018K4');
    const map = await session.page.locator('.map-area svg').boundingBox();
    expect(map!.height).toBeGreaterThan(400);
    expect(map!.y + map!.height).toBeLessThanOrEqual(768);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'map-2018K4-1366.png') });
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('credits the boundaries in the footer with the map file’s own words', async () => {
    await open('?quarter=2018K4');
    const footer = (await session.page.textContent('[data-testid="page-source"]'))!.replace(/\s+/g, ' ').trim();
    expect(footer).toBe(
      'Kilde: VV Monitor, Røde Kors og Dansk Flygtningehjælp. Kort: Indeholder data fra Danmarks Administrative Geografiske Inddeling (DAGI), Dataforsyningen.',
    );
  });

  it('raised no errors in the page', () => {
    expect(session.errors).toEqual([]);
  });
});
