import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuarterTrend } from '../../web/src/lib/contract.ts';
import { downloaded, openPage, SCREENSHOTS, startSession, type Session } from './browser.ts';

const CHARTS = ['kategorier', 'aftaler', 'tilbud', 'aarsager'];

let session: Session;
let trends: QuarterTrend[];
beforeAll(async () => {
  session = await startSession();
  trends = (await session.app.inject('/api/trends')).json();
});
afterAll(() => session?.close());

async function open(search = '?view=trends') {
  await openPage(session, `/${search}`);
  // Meeting mode shows one chart at a time, the first to begin with.
  for (const chart of search.includes('present=1') ? CHARTS.slice(0, 1) : CHARTS) {
    await session.page.locator(`[data-chart="${chart}"] [data-column]`).first().waitFor();
  }
}

const chart = (slug: string) => session.page.locator(`[data-chart="${slug}"]`);

/** The exported file's bytes, from the chart's own export button. */
const download = (slug: string, format: 'png' | 'svg' | 'csv') =>
  downloaded(session.page, () => chart(slug).locator(`button[data-export="${format}"]`).click());

describe('the trends view in Chromium', () => {
  it('draws the four charts with one column per quarter', async () => {
    await open();
    expect(trends).toHaveLength(11);
    for (const slug of CHARTS) {
      expect(await chart(slug).locator('[data-column]').count(), slug).toBe(11);
      await expect(chart(slug).locator('h2').textContent()).resolves.toBeTruthy();
    }
    // One point per quarter on each agreement line, one share point, one stack per quarter.
    for (const series of ['active', 'municipalitiesWithAgreement', 'municipalitiesWithBoth']) {
      expect(await chart('aftaler').locator(`[data-series="${series}"] [data-quarter]`).count()).toBe(11);
    }
    expect(await chart('tilbud').locator('[data-series="share"] [data-quarter]').count()).toBe(11);
    expect(await chart('kategorier').locator('rect[data-series="green"]').count()).toBe(11);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'trends-1920.png') });
  });

  it('draws rises and falls by reason on one scale, with no colour of a category', async () => {
    await open();
    // Pixels per municipality, for the rises (up) and for every reason's part of the falls (down).
    const rates = await chart('aarsager').evaluate((card) =>
      [...card.querySelectorAll('[data-series] rect[data-value]')].map((bar) => Number(bar.getAttribute('height')) / Number(bar.getAttribute('data-value'))),
    );
    expect(rates.length).toBeGreaterThan(10);
    for (const rate of rates) expect(rate).toBeCloseTo(rates[0], 3);
    const fills = await chart('aarsager').evaluate((card) => [...card.querySelectorAll('rect[data-fill]')].map((bar) => bar.getAttribute('data-fill')));
    for (const category of ['#2b9a58', '#f0bf2c', '#cf3f35']) expect(fills).not.toContain(category);
  });

  it('plots the numbers of GET /api/trends: 63 / 32 / 3 in 2018K4', async () => {
    await open();
    const value = (slug: string, series: string, quarter: string) =>
      chart(slug).locator(`[data-series="${series}"][data-quarter="${quarter}"], [data-series="${series}"] [data-quarter="${quarter}"]`).getAttribute('data-value');
    const last = trends.at(-1)!;
    expect(last).toMatchObject({ quarter: '2018K4', counts: { green: 63, yellow: 32, red: 3, notAssessed: 0 } });
    await expect(value('kategorier', 'green', '2018K4')).resolves.toBe('63');
    await expect(value('kategorier', 'yellow', '2018K4')).resolves.toBe('32');
    await expect(value('kategorier', 'red', '2018K4')).resolves.toBe('3');
    await expect(value('aftaler', 'active', '2018K4')).resolves.toBe(String(last.agreements.active));
    await expect(value('aftaler', 'municipalitiesWithBoth', '2016K2')).resolves.toBe(String(trends[0].agreements.municipalitiesWithBoth));
    await expect(value('tilbud', 'zeroQuota', '2018K4')).resolves.toBe(String(last.zeroQuota));
    expect(Number(await value('tilbud', 'share', '2018K4'))).toBeCloseTo((last.municipalitiesWithOffer / 98) * 100, 5);
    await expect(value('aarsager', 'better', '2016K3')).resolves.toBe(String(trends[1].upgrades));
    // The first quarter has no quarter before it, so nothing is drawn for it.
    expect(await chart('aarsager').locator('[data-quarter="2016K2"]:not([data-column])').count()).toBe(0);
    await expect(chart('kategorier').locator('[data-testid="trend-table"] tbody tr').last().textContent()).resolves.toMatch(/4\. kvt\. 2018\s*63\s*32\s*3\s*0/);
  });

  it('shows a quarter’s numbers on hover and on keyboard focus', async () => {
    await open();
    await chart('kategorier').locator('[data-quarter="2018K4"][data-column]').hover();
    const tooltip = chart('kategorier').locator('[data-testid="trend-tooltip"]');
    await expect(tooltip.textContent()).resolves.toMatch(/4\. kvt\. 2018.*Grøn\s*63.*Gul\s*32.*Rød\s*3/s);

    await session.page.mouse.move(0, 0);
    await chart('aftaler').locator('[data-quarter="2018K4"][data-column]').focus();
    const agreements = chart('aftaler').locator('[data-testid="trend-tooltip"]');
    await expect(agreements.textContent()).resolves.toMatch(new RegExp(`Aktive aftaler\\s*${trends.at(-1)!.agreements.active}`));
    // The arrow keys move to the quarter before; its numbers follow.
    await session.page.keyboard.press('ArrowLeft');
    await expect(agreements.textContent()).resolves.toContain('3. kvt. 2018');
    await expect(session.page.evaluate(() => document.activeElement?.getAttribute('data-quarter'))).resolves.toBe('2018K3');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'trends-tooltip-1920.png') });
  });

  it('opens the map of a quarter from a click and from Enter', async () => {
    await open();
    await chart('aftaler').locator('[data-quarter="2017K2"][data-column]').click();
    await session.page.locator('[data-testid="quarter-select"]').waitFor();
    expect(await session.page.inputValue('[data-testid="quarter-select"]')).toBe('2017K2');
    let url = new URL(session.page.url());
    expect(url.searchParams.get('quarter')).toBe('2017K2');
    expect(url.searchParams.get('view')).toBeNull();

    await open();
    await chart('aarsager').locator('[data-quarter="2016K4"][data-column]').focus();
    await session.page.keyboard.press('Enter');
    await session.page.waitForFunction(() => new URL(location.href).searchParams.get('quarter') === '2016K4');
    url = new URL(session.page.url());
    expect(url.searchParams.get('view')).toBeNull();
  });

  it('changes the category fills in colour-blind mode', async () => {
    await open();
    const fills = () => chart('kategorier').locator('rect[data-series="yellow"]').first().evaluate((r) => [r.getAttribute('fill'), r.getAttribute('data-pattern')]);
    const before = await fills();
    await session.page.click('[data-testid="colour-blind"]');
    const after = await fills();
    expect(after).not.toEqual(before);
    expect(after[1]).toBe('lines');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'trends-colour-blind-1920.png') });
    await session.page.click('[data-testid="colour-blind"]');
    await expect(fills()).resolves.toEqual(before);
  });

  it('exports a chart as SVG with its title, as PNG with the title inside, and as CSV', async () => {
    await open();
    const svg = await download('aftaler', 'svg');
    expect(svg.name).toBe('vv-monitor-udvikling-aftaler-demodata.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('Samarbejdsaftaler');
    const parsed = await session.page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, paths: doc.querySelectorAll('path').length };
    }, text);
    expect(parsed).toMatchObject({ error: null, root: 'svg' });
    expect(parsed.paths).toBeGreaterThan(30);

    const png = await download('kategorier', 'png');
    expect(png.name).toBe('vv-monitor-udvikling-kategorier-demodata.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const textChunk = png.bytes.indexOf('tEXt');
    expect(textChunk).toBeGreaterThan(0);
    expect(png.bytes.subarray(textChunk, textChunk + 200).toString('latin1')).toContain('Title\0Kategorier');
    writeFileSync(join(SCREENSHOTS, 'trends-export-kategorier.png'), png.bytes);
    const reasons = await download('aarsager', 'png');
    writeFileSync(join(SCREENSHOTS, 'trends-export-aarsager.png'), reasons.bytes);

    const csv = await download('tilbud', 'csv');
    expect(csv.name).toBe('vv-monitor-udvikling-tilbud-demodata.csv');
    const rows = csv.bytes.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(rows).toHaveLength(12);
    expect(rows[0]).toBe('kvartal;andel med VV-tilbud (%);kommuner med VV-tilbud;kommuner i alt;kommuner med 0-kvote');
    expect(rows.at(-1)).toBe('2018K4;96,9;95;98;12');
  });

  it('shows the data table on request', async () => {
    await open();
    const table = chart('aarsager').locator('[data-testid="trend-table"]');
    await expect(table.evaluate((t) => t.className)).resolves.toContain('visually-hidden');
    await chart('aarsager').locator('button[data-action="table"]').click();
    await expect(table.evaluate((t) => t.className)).resolves.not.toContain('visually-hidden');
    await expect(table.locator('thead th').allTextContents()).resolves.toContain('Steget i kategori');
    await expect(table.locator('tbody tr').count()).resolves.toBe(11);
  });

  it('fits a 1366 × 768 laptop screen', async () => {
    await session.page.setViewportSize({ width: 1366, height: 768 });
    await open();
    for (const slug of CHARTS) {
      const box = (await chart(slug).locator('svg[role="group"]').boundingBox())!;
      expect(box.height, slug).toBeGreaterThan(150);
      expect(box.x + box.width, slug).toBeLessThanOrEqual(1366);
    }
    await session.page.screenshot({ path: join(SCREENSHOTS, 'trends-1366.png') });
    await session.page.screenshot({ path: join(SCREENSHOTS, 'trends-1366-full.png'), fullPage: true });
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('uses larger type in meeting mode', async () => {
    await open('?view=trends');
    const normal = await chart('kategorier').locator('svg[role="group"] text').first().getAttribute('font-size');
    await open('?view=trends&present=1');
    const presenting = await chart('kategorier').locator('svg[role="group"] text').first().getAttribute('font-size');
    expect(Number(presenting)).toBeGreaterThan(Number(normal));
    await session.page.screenshot({ path: join(SCREENSHOTS, 'trends-present-1920.png') });
    await session.page.setViewportSize({ width: 1366, height: 768 });
    await open('?view=trends&present=1');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'trends-present-1366.png') });
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('raised no errors in the page', () => {
    expect(session.errors).toEqual([]);
  });
});
