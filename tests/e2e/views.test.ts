/**
 * The following group's dashboard in Chromium: compare, timeline, meeting mode, export, print,
 * permalinks, keyboard use and the colour-blind mode.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportMap, legendCounts, mapCategories, openMap, SCREENSHOTS, settled, startSession, type Session } from './browser.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const param = (name: string) => new URL(session.page.url()).searchParams.get(name);

/** The text chunks of a PNG file, keyword → text. */
function pngText(bytes: Buffer): Record<string, string> {
  const texts: Record<string, string> = {};
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'tEXt') {
      const [keyword, text] = bytes.toString('latin1', at + 8, at + 8 + length).split('\0');
      texts[keyword] = text;
    }
    at += 12 + length;
  }
  return texts;
}

describe('compare', () => {
  it('shows the first quarter beside the newest final one, with their counts and a change map', async () => {
    await openMap(session, '?view=compare');
    expect(await session.page.inputValue('[data-testid="compare-from"]')).toBe('2016K2');
    expect(await session.page.inputValue('[data-testid="compare-to"]')).toBe('2018K4');
    const counts = await session.page.$$eval('[data-counts] [data-count]', (cells) =>
      cells.map((c) => `${c.closest('[data-counts]')!.getAttribute('data-counts')}:${c.getAttribute('data-count')}=${c.querySelector('dd')!.textContent}`),
    );
    expect(counts).toEqual(
      expect.arrayContaining(['2016K2:green=24', '2016K2:yellow=48', '2016K2:red=24', '2016K2:notAssessed=2', '2018K4:green=63', '2018K4:yellow=32', '2018K4:red=3']),
    );
    const legend = await legendCounts(session.page);
    const changeMap = await session.page.$$eval('.change-map path.municipality', (paths) => paths.map((p) => p.getAttribute('data-value')));
    for (const kind of ['improvedTwo', 'improved', 'worsened', 'worsenedTwo']) expect(changeMap.filter((v) => v === kind)).toHaveLength(legend[kind]);
    // One step and two steps (red → green) apart: 2016K2 → 2018K4 has municipalities that went from red to green.
    expect(legend.improvedTwo).toBeGreaterThan(0);
    const changes = legend.improvedTwo + legend.improved + legend.worsened + legend.worsenedTwo;
    expect(changes + legend.unchanged + legend.newlyAssessed + legend.notAssessed).toBe(98);
    const listed = await session.page.locator('[data-testid="change-list"] tbody tr').count();
    expect(listed).toBe(changes);
    expect(await session.page.locator('[data-testid="compare-table"] tbody tr').count()).toBe(98);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'compare-1920.png') });
  });

  it('names the reasons recorded for the changes', async () => {
    await openMap(session, '?view=compare&from=2017K1&to=2018K1');
    const reasons = await session.page.$$eval('[data-testid="change-list"] tbody td:last-child', (cells) => cells.map((c) => c.textContent?.trim()));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.filter((r) => r && r !== '–').length).toBe(reasons.length);
  });

  it('restores the same comparison from a copied link', async () => {
    await openMap(session, '?view=compare');
    await session.page.selectOption('[data-testid="compare-from"]', '2017K1');
    await session.page.selectOption('[data-testid="compare-to"]', '2018K2');
    const link = session.page.url();
    expect(param('from')).toBe('2017K1');
    const other = await session.context.newPage();
    await other.goto(link);
    await other.waitForSelector('.change-map path.municipality');
    expect(await other.inputValue('[data-testid="compare-from"]')).toBe('2017K1');
    expect(await other.inputValue('[data-testid="compare-to"]')).toBe('2018K2');
    await other.close();
  });
});

describe('timeline', () => {
  it('plays the quarters forward and pauses', async () => {
    await openMap(session, '?view=timeline&quarter=2016K2');
    await session.page.click('[data-testid="timeline-play"]');
    await session.page.waitForFunction(() => new URL(location.href).searchParams.get('quarter') === '2016K4', null, { timeout: 10_000 });
    await session.page.click('[data-testid="timeline-play"]');
    const paused = param('quarter');
    // Letting time pass is the test: longer than one step of the timeline (1.4 s), and no step.
    await session.page.waitForTimeout(2000);
    expect(param('quarter')).toBe(paused);
    expect(await session.page.inputValue('[data-testid="timeline-slider"]')).toBe(String(['2016K2', '2016K3', '2016K4', '2017K1'].indexOf(paused!)));
    await session.page.screenshot({ path: join(SCREENSHOTS, 'timeline-1920.png') });
  });
});

describe('export', () => {
  it('exports the map as an SVG file with its title, quarter, legend and source', async () => {
    await openMap(session, '?quarter=2018K4');
    const { name, bytes } = await exportMap(session.page, 'svg');
    expect(name).toBe('vv-monitor-kort-2018K4-demodata.svg');
    const svg = bytes.toString('utf8');
    expect(svg).toContain('Venner Viser Vej: kommunernes kategori');
    expect(svg).toContain('4. kvt. 2018');
    expect(svg).toContain('Kilde: VV Monitor');
    expect(svg).toContain('DEMODATA');
    expect(svg).toContain('Kort: Indeholder data fra Danmarks Administrative Geografiske Inddeling (DAGI), Dataforsyningen.');
    const valid = await session.page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'image/svg+xml');
      return document.querySelector('parsererror') === null && document.querySelectorAll('path').length > 98;
    }, svg);
    expect(valid).toBe(true);
  });

  it('exports the comparison as a PNG image that carries its title', async () => {
    await openMap(session, '?view=compare');
    const { name, bytes } = await exportMap(session.page, 'png');
    expect(name).toBe('vv-monitor-sammenligning-2016K2-2018K4-demodata.png');
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1600);
    expect(pngText(bytes).Title).toContain('Venner Viser Vej: ændringer i kommunernes kategori');
  });

  it('exports the comparison as one SVG with both quarters’ maps and the change map', async () => {
    await openMap(session, '?view=compare');
    const { bytes } = await exportMap(session.page, 'svg');
    const parts = await session.page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'image/svg+xml');
      const maps = [...document.querySelectorAll('svg svg[viewBox]')].filter((svg) => !svg.querySelector('svg') && svg.querySelectorAll('path').length > 98);
      return { maps: maps.length, titles: [...document.querySelectorAll('text[font-weight="700"]')].map((t) => t.textContent) };
    }, bytes.toString('utf8'));
    expect(parts.maps).toBe(3);
    expect(parts.titles).toEqual(expect.arrayContaining(['2. kvt. 2016', '4. kvt. 2018', 'Ændringer fra 2. kvt. 2016 til 4. kvt. 2018']));
  });

  it('exports exactly the shown municipalities as CSV for Danish Excel', async () => {
    await openMap(session, '?quarter=2017K2');
    const { bytes } = await exportMap(session.page, 'csv');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(99);
    expect(lines[0]).toBe('kvartal;kommunekode;kommune;region;kategori;kategori_tekst;aftaler;0-kvote');
    expect(lines[1]).toMatch(/^2017K2;0101;København;Region Hovedstaden;[123];/);
  });

  it('prints the map view on one A4 page without navigation', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.emulateMedia({ media: 'print' });
    expect(await session.page.locator('header.top').isVisible()).toBe(false);
    expect(await session.page.locator('.print-head').isVisible()).toBe(true);
    const pdf = await session.page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await session.page.emulateMedia({ media: 'screen' });
  });
});

describe('meeting mode', () => {
  it('fills the screen with large type, steps with the arrow keys and ends with Escape', async () => {
    await openMap(session, '?quarter=2018K2');
    await session.page.click('[data-testid="present"]');
    await session.page.waitForSelector('.presenting [data-testid="present-kicker"]');
    expect(await session.page.textContent('[data-testid="present-kicker"]')).toBe('Venner Viser Vej · 2. kvt. 2018');
    const overlay = await session.page.locator('.dashboard.presenting').boundingBox();
    expect(overlay).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });
    await session.page.keyboard.press('ArrowRight');
    await session.page.waitForFunction(() => document.querySelector('[data-testid="present-kicker"]')?.textContent === 'Venner Viser Vej · 3. kvt. 2018');
    await session.page.waitForFunction(() => /^\d+ af 98 kommuner er grønne i 3\. kvt\. 2018 – /.test(document.querySelector('[data-testid="present-headline"]')?.textContent ?? ''));
    const size = await session.page.$eval('[data-testid="present-headline"]', (e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(36);
    await settled(session.page);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'meeting-1920.png') });
    await session.page.keyboard.press('Escape');
    await session.page.waitForSelector('.dashboard.presenting', { state: 'detached' });
    expect(param('present')).toBeNull();
  });
});

describe('accessibility', () => {
  it('reaches a municipality by keyboard and opens its history', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.focus('[data-testid="municipality-search"]');
    await session.page.keyboard.type('Aarhus');
    await session.page.keyboard.press('Enter');
    await session.page.waitForFunction(() => document.activeElement?.getAttribute('data-code') === '0751');
    await session.page.keyboard.press('Escape');
    // The map is one tab stop: the arrow keys move on to a neighbour.
    await session.page.keyboard.press('ArrowRight');
    const next = await session.page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(next).toMatch(/^\d{4}$/);
    expect(next).not.toBe('0751');
    await session.page.keyboard.press('Enter');
    await session.page.locator('[data-testid="municipality-panel"] h2', { hasText: /\S/ }).waitFor();
    expect(param('municipality')).toBe(next);
    const outline = await session.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('');
  });

  it('has a data table equal to the map', async () => {
    await openMap(session, '?quarter=2017K3');
    const map = await mapCategories(session.page);
    await session.page.click('[data-testid="table-toggle"]');
    // The table's code loads on the first ask (MapView).
    await session.page.waitForSelector('[data-testid="municipality-table"] tbody tr');
    const rows = await session.page.$$eval('[data-testid="municipality-table"] tbody tr', (trs) => trs.length);
    expect(rows).toBe(98);
    expect(await session.page.textContent('[data-testid="municipality-table"] caption')).toContain('3. kvt. 2017');
    expect(param('table')).toBe('1');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'table-1920.png') });
    await session.page.click('[data-testid="table-toggle"]');
    expect(await mapCategories(session.page)).toEqual(map);
  });

  it('pattern mode keeps the colour-blind-safe fills, adds patterns and names them in the legend, keeping "not assessed" and zero quota apart', async () => {
    await openMap(session, '?quarter=2016K2');
    const fill = (value: string) =>
      session.page.$eval(`path.municipality[data-value="${value}"]`, (p) => [p.getAttribute('data-fill'), p.getAttribute('data-pattern')]);
    const before = { green: await fill('1'), yellow: await fill('2'), red: await fill('3'), none: await fill('none') };
    await session.page.click('[data-testid="colour-blind"]');
    const after = { green: await fill('1'), yellow: await fill('2'), red: await fill('3'), none: await fill('none') };
    expect(before.green).toEqual(['#0b7f64', 'none']);
    expect(before.red).toEqual(['#d24315', 'none']);
    expect(after.green).toEqual(before.green);
    expect(after.red[0]).toBe(before.red[0]);
    expect(await session.page.textContent('[data-legend="yellow"] .name')).toBe('Gul, striber');
    expect(after.yellow[1]).toBe('lines');
    expect(after.red[1]).toBe('grid');
    expect(after.none).toEqual(['#eceff3', 'dots']);
    expect(await session.page.locator('[data-zero-quota]').count()).toBe(4);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'colour-blind-1920.png') });
    await session.page.click('[data-testid="colour-blind"]');
  });

  it('labels quarters in English with the switch', async () => {
    await openMap(session, '?view=compare&lang=en');
    await session.page.waitForSelector('.change-map');
    expect(await session.page.textContent('#compare-change')).toBe('Changes from Q2 2016 to Q4 2018');
  });
});

describe('at laptop size', () => {
  it('keeps every view on a 1366 × 768 screen', async () => {
    await session.page.setViewportSize({ width: 1366, height: 768 });
    for (const [search, name] of [
      ['?quarter=2018K4', 'map'],
      ['?view=compare', 'compare'],
      ['?view=timeline&quarter=2017K2', 'timeline'],
    ]) {
      await openMap(session, search);
      await session.page.screenshot({ path: join(SCREENSHOTS, `${name}-1366.png`) });
      const width = await session.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, name).toBeLessThanOrEqual(1366);
    }
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('raised no errors in the page', () => {
    expect(session.errors).toEqual([]);
  });
});
