/**
 * The following group's dashboard in the meeting room, on the phone and on paper (issue #11):
 * phones without sideways scrolling, the history drawer, meeting mode on a 1366 × 768 projector,
 * one printed page per view, the quarterly report, and the served typeface.
 */
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helper.ts';
import { ensureOpen2019K1, logIn, openMap, openPage, SCREENSHOTS, settled, startSession, type Session } from './browser.ts';
import { ADMIN_PAGES, DASHBOARD, type PageCheck, READER_PAGES, VIEWS } from './pages.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession();
  await logIn(session, 'admin');
});
afterAll(() => session?.close());

const param = (name: string) => new URL(session.page.url()).searchParams.get(name);

/** Pages as `page.pdf()` makes them with the page's own settings (its @page size and margins). */
async function printed(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  // Charts measure their box: let them redraw at the printed size first.
  await settled(page);
  try {
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** The first page's size in points, from its MediaBox. */
function pageSize(pdf: Buffer): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
  return { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) };
}

/** How many runs of text the PDF's page streams draw (Tj and TJ operators, after inflating). */
function textRuns(pdf: Buffer): number {
  const raw = pdf.toString('latin1');
  let runs = 0;
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      runs += (inflateSync(pdf.subarray(start, end)).toString('latin1').match(/T[jJ]\b/g) ?? []).length;
    } catch {
      // Not a deflated stream (an image, a font): no text runs in it.
    }
  }
  return runs;
}

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const PAGES: readonly PageCheck[] = [...DASHBOARD, ...READER_PAGES, ...ADMIN_PAGES, ['report', '/report/2018K4', '[data-testid="report-figures"]']];

describe('on a phone', () => {
  it.each([360, 390])('no page scrolls sideways at %i px, the administrators’ included', async (width) => {
    await session.page.setViewportSize({ width, height: 800 });
    const wide: string[] = [];
    for (const [name, path, ready] of PAGES) {
      await openPage(session, path, ready);
      if ((await sidewaysOverflow(session.page)) > 0) wide.push(`${name} (${await session.page.evaluate(() => document.documentElement.scrollWidth)} px)`);
      if (width === 390 && ['map', 'compare', 'trends', 'priorities', 'report'].includes(name)) {
        await session.page.screenshot({ path: join(SCREENSHOTS, `phone-${name}-${width}.png`), fullPage: true });
      }
    }
    expect(wide).toEqual([]);
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('folds the toolbar into a menu with 44 px targets, and every view can be tapped', async () => {
    await session.page.setViewportSize({ width: 390, height: 844 });
    await openMap(session, '?quarter=2018K4');
    expect(await session.page.locator('[data-testid="present"]').isVisible()).toBe(false);
    const menu = session.page.locator('[data-testid="toolbar-menu"]');
    expect((await menu.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    for (const view of ['compare', 'timeline', 'trends', 'map']) {
      const button = session.page.locator(`[data-view="${view}"]`);
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await button.tap().catch(() => button.click());
      await session.page.waitForFunction((wanted) => (new URL(location.href).searchParams.get('view') ?? 'map') === wanted, view);
    }
    await menu.click();
    await session.page.locator('[role="menuitem"]', { hasText: 'Præsentation' }).waitFor();
    expect(await session.page.locator('[role="menuitem"][data-export="png"]').count()).toBe(1);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'phone-menu-390.png') });
    await session.page.keyboard.press('Escape');
    await session.page.click('[data-testid="phone-menu"]');
    await session.page.locator('[role="menuitem"]', { hasText: 'Aftaler' }).waitFor();
    await session.page.keyboard.press('Escape');
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('opens a municipality’s history as a full-screen sheet that takes the focus', async () => {
    await session.page.setViewportSize({ width: 390, height: 844 });
    await openMap(session, '?quarter=2018K4');
    await session.page.click('path[data-code="0101"]');
    const panel = session.page.locator('[data-testid="municipality-panel"]');
    await panel.locator('[data-testid="history-strip"]').waitFor();
    expect(await panel.boundingBox()).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    expect(await session.page.evaluate(() => document.activeElement?.classList.contains('drawer-close'))).toBe(true);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'history-sheet-390.png') });
    await session.page.keyboard.press('Escape');
    await expect(panel.count()).resolves.toBe(0);
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });
});

describe('the history drawer', () => {
  it('shows at least 400 px of history at 1366 × 768, with no scroll box inside it', async () => {
    await session.page.setViewportSize({ width: 1366, height: 768 });
    await openMap(session, '?quarter=2018K4');
    await session.page.click('path[data-code="0751"]');
    const body = session.page.locator('[data-testid="municipality-panel"] .drawer-body');
    await body.locator('[data-testid="history-changes"] li').first().waitFor();
    const box = (await body.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(400);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    const nested = await body.evaluate((element) =>
      [...element.querySelectorAll('*')].filter((e) => /auto|scroll/.test(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight + 1).length,
    );
    expect(nested).toBe(0);
    // Every change with its reason: Aarhus went yellow → green in 2018K4 when an agreement was signed.
    await expect(body.locator('[data-quarter="2018K4"]').textContent()).resolves.toMatch(/Gul\s*→\s*Grøn[\s\S]*Samarbejdsaftale indgået/);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'history-drawer-1366.png') });
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('closes with the back button, keeping the dashboard, and a copied link opens it again', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.click('path[data-code="0751"]');
    await session.page.locator('[data-testid="history-strip"]').waitFor();
    expect(param('municipality')).toBe('0751');
    await session.page.goBack();
    await session.page.waitForSelector('[data-testid="municipality-panel"]', { state: 'detached' });
    expect(new URL(session.page.url()).pathname).toBe('/');
    expect(param('municipality')).toBeNull();
    expect(param('quarter')).toBe('2018K4');
    await openMap(session, '?quarter=2018K4&municipality=0751', '[data-testid="history-strip"]');
    await expect(session.page.textContent('#panel-title')).resolves.toContain('Aarhus');
  });

  it('says why a quarter was not assessed', async () => {
    const admin = await loginAs(session.app, 'admin');
    await ensureOpen2019K1(admin);
    const version = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json().find((s: { code: string }) => s.code === '0461').version;
    const write = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0461', { category: null, reasonText: 'Ingen kontaktperson i kommunen', version });
    expect(write.statusCode).toBe(200);
    await openMap(session, '?quarter=2019K1&municipality=0461', '[data-testid="history-changes"]');
    const entry = await session.page.textContent('[data-testid="history-changes"] [data-quarter="2019K1"]');
    expect(entry).toContain('Ikke vurderet');
    expect(entry).toContain('Ingen kontaktperson i kommunen');
  });
});

describe('meeting mode on a 1366 × 768 projector', () => {
  it.each(VIEWS)('%s fits the screen with its headline, legend, key figures and source line', async (name, search, ready) => {
    await session.page.setViewportSize({ width: 1366, height: 768 });
    await openPage(session, `${search}&present=1`, ready, '[data-testid="present-headline"]');
    await settled(session.page);
    const overlay = session.page.locator('.dashboard.presenting');
    expect(await overlay.evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(0);
    // Nothing on the screen scrolls inside itself either.
    const scrolling = await overlay.evaluate((e) =>
      [...e.querySelectorAll('*')].filter((c) => /auto|scroll/.test(getComputedStyle(c).overflowY) && c.scrollHeight > c.clientHeight + 1).length,
    );
    expect(scrolling).toBe(0);
    const source = (await session.page.locator('[data-testid="present-source"]').boundingBox())!;
    expect(source.y + source.height).toBeLessThanOrEqual(768);
    const smallest = await session.page.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('[data-testid="present-headline"], [data-testid="present-kicker"], .legend :is(.name, .short, .count), .figures :is(.label, .value)')].map((e) =>
          parseFloat(getComputedStyle(e).fontSize),
        ),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(20);
    if (name === 'map' || name === 'timeline') {
      for (const part of ['.legend', '.figures']) {
        const box = (await session.page.locator(part).boundingBox())!;
        expect(box.y + box.height, part).toBeLessThanOrEqual(source.y);
      }
      expect((await session.page.locator('.map-area svg').boundingBox())!.height).toBeGreaterThan(500);
    }
    if (name === 'compare') {
      // The change map's legend, every kind down to "Ikke vurderet", inside its card and above the source.
      const last = (await session.page.locator('.legend .count').last().boundingBox())!;
      const card = (await session.page.locator('.legend').last().locator('xpath=ancestor::section[1]').boundingBox())!;
      expect(last.y + last.height).toBeLessThanOrEqual(Math.min(card.y + card.height, source.y));
    }
    if (name === 'trends') {
      // One chart at a time, the screen's full height; ← → step through the four.
      expect(await session.page.locator('[data-testid="present-chart"] [data-chart]').getAttribute('data-chart')).toBe('kategorier');
      await session.page.keyboard.press('ArrowLeft');
      await session.page.waitForFunction(() => document.querySelector('[data-testid="present-chart"] [data-chart]')?.getAttribute('data-chart') !== 'kategorier');
      expect((await session.page.locator('[data-testid="present-chart"] [data-chart]').boundingBox())!.height).toBeGreaterThan(450);
    }
    await session.page.screenshot({ path: join(SCREENSHOTS, `present-${name}-1366.png`) });
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('says what the map shows, and gives the focus back to the button on exit', async () => {
    await openMap(session, '?quarter=2018K4', '[data-count="green"]');
    await session.page.click('[data-testid="present"]');
    const headline = session.page.locator('[data-testid="present-headline"]');
    await session.page.waitForFunction(() => / – 5 flere end kvartalet før$/.test(document.querySelector('[data-testid="present-headline"]')?.textContent ?? ''));
    expect(await headline.textContent()).toBe('63 af 98 kommuner er grønne i 4. kvt. 2018 – 5 flere end kvartalet før');
    expect(await session.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('present-exit');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'present-map-1920.png') });
    await session.page.keyboard.press('Escape');
    await session.page.waitForSelector('.dashboard.presenting', { state: 'detached' });
    await session.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'present');
  });
});

describe('on paper', () => {
  it.each(VIEWS)('%s prints on exactly one A4 landscape page with its headline, legend, key figures and source', async (name, search, ready) => {
    await openPage(session, search, ready);
    await settled(session.page);
    const pdf = await printed(session.page);
    expect(pageCount(pdf)).toBe(1);
    const { width, height } = pageSize(pdf);
    expect(Math.round(width)).toBe(842);
    expect(Math.round(height)).toBe(595);
    // The print layout as the page itself draws it, in A4 landscape inside its margins (273 × 186 mm).
    await session.page.setViewportSize({ width: 1032, height: 703 });
    await session.page.emulateMedia({ media: 'print' });
    try {
      for (const part of ['.print-head h1', '[data-testid="print-source"]', ...(name === 'trends' ? [] : ['.legend'])]) {
        const box = await session.page.locator(part).first().boundingBox();
        expect(box, `${name}: ${part}`).not.toBeNull();
        expect(box!.y + box!.height, `${name}: ${part}`).toBeLessThanOrEqual(703);
      }
      if (name === 'map') {
        const last = (await session.page.locator('[data-figure="activities"]').boundingBox())!;
        expect(last.y + last.height).toBeLessThanOrEqual(703);
      }
      await session.page.screenshot({ path: join(SCREENSHOTS, `print-${name}.png`) });
    } finally {
      await session.page.emulateMedia({ media: 'screen' });
      await session.page.setViewportSize({ width: 1920, height: 1080 });
    }
  });
});

describe('the quarterly report', () => {
  it('is one click from the dashboard, with its key figures and their changes', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.click('[data-testid="report-link"]');
    await session.page.waitForSelector('[data-testid="report-figures"]');
    expect(new URL(session.page.url()).pathname).toBe('/report/2018K4');
    const green = await session.page.locator('[data-testid="report-figures"] tr[data-figure="green"] td').allTextContents();
    expect(green).toEqual(['63', '+5', '+39']);
    expect(await session.page.locator('[data-testid="report-changes"] tbody tr').count()).toBe(11);
    expect(await session.page.locator('[data-region]').count()).toBe(5);
    expect(await session.page.locator('[data-region] tbody tr').count()).toBe(98);
    await expect(session.page.textContent('[data-testid="report-recruitment"]')).resolves.toContain('991');
    await expect(session.page.textContent('[data-testid="report-source"]')).resolves.toContain('/report/2018K4');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'report-1920.png'), fullPage: true });
  });

  it('prints as a PDF of A4 landscape pages, each with its page number', async () => {
    await openPage(session, '/report/2018K4', '[data-testid="report-figures"]', '[data-chart] svg');
    await settled(session.page);
    const pdf = await printed(session.page);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pageSize(pdf).width).toBeGreaterThan(pageSize(pdf).height);
    // The numbers are drawn in the page margins (@page margin boxes): without them, fewer runs of text.
    await session.page.addStyleTag({ content: '@page report { @bottom-right { content: none } }' });
    const unnumbered = await printed(session.page);
    expect(pageCount(unnumbered)).toBe(pages);
    expect(textRuns(pdf) - textRuns(unnumbered)).toBeGreaterThanOrEqual(pages);
    await session.page.setViewportSize({ width: 1123, height: 794 });
    await session.page.emulateMedia({ media: 'print' });
    await session.page.screenshot({ path: join(SCREENSHOTS, 'report-print-1123.png') });
    await session.page.emulateMedia({ media: 'screen' });
    await session.page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('reads in English', async () => {
    await openPage(session, '/report/2018K4?lang=en', '[data-testid="report-figures"]');
    await expect(session.page.textContent('#report-title')).resolves.toBe('Quarterly report · Q4 2018');
  });

  it('refuses a draft quarter with a way to the newest final one, and an unknown quarter', async () => {
    await ensureOpen2019K1(await loginAs(session.app, 'admin'));
    await openPage(session, '/report/2019K1', '[data-testid="report-refusal"]');
    await expect(session.page.textContent('[data-testid="report-refusal"]')).resolves.toContain('1. kvt. 2019 er endnu ikke afsluttet');
    expect(await session.page.getAttribute('[data-testid="report-refusal"] a', 'href')).toBe('/report/2018K4');
    await openPage(session, '/report/2030K1', '[data-testid="report-refusal"]');
    await expect(session.page.textContent('[data-testid="report-refusal"]')).resolves.toContain('Der findes ingen rapport');
    await openPage(session, '/report', '[data-testid="report-figures"]');
    expect(new URL(session.page.url()).pathname).toBe('/report/2018K4');
  });
});

describe('the typeface', () => {
  it('is Inter, served with the app, with tabular figures in the key figures', async () => {
    await openMap(session, '?quarter=2018K4', '[data-count="green"]');
    await session.page.waitForFunction(() => document.fonts.check('16px "Inter Variable"'));
    const fonts = await session.page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replaceAll('"', '')));
    expect(fonts).toContain('Inter Variable');
    expect(await session.page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Inter Variable/);
    expect(await session.page.$eval('[data-figure="green"] .value', (e) => getComputedStyle(e).fontVariantNumeric)).toBe('tabular-nums');
    const font = await session.page.evaluate(async () => {
      const url = performance.getEntriesByType('resource').map((e) => e.name).find((name) => name.endsWith('.woff2'))!;
      return { url, bytes: (await (await fetch(url)).arrayBuffer()).byteLength };
    });
    expect(new URL(font.url).origin).toBe(session.baseUrl);
    expect(font.bytes).toBeLessThanOrEqual(50 * 1024);
  });

  it('raised no errors in the page', () => {
    expect(session.errors).toEqual([]);
  });
});
