/**
 * Esc closes every menu and dialog, and the focus goes back to the control that opened it: a
 * keyboard user never lands at the top of the page after closing something.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openMap, startSession, type Session } from './browser.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession({ width: 1366, height: 768 });
  await logIn(session, 'admin');
});
afterAll(() => session?.close());

const focusedTestId = () => session.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

describe('Esc', () => {
  it('closes the export menu, and the focus is back on its button', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.focus('[data-testid="export-menu"]');
    await session.page.keyboard.press('Enter');
    await session.page.waitForSelector('[role="menu"]');
    await session.page.keyboard.press('Escape');
    await session.page.waitForSelector('[role="menu"]', { state: 'detached' });
    expect(await focusedTestId()).toBe('export-menu');
  });

  it('closes the Indlejr dialog, and the focus is back on its button', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.focus('[data-testid="embed-button"]');
    await session.page.keyboard.press('Enter');
    await session.page.waitForSelector('[role="dialog"]');
    await session.page.keyboard.press('Escape');
    await session.page.waitForSelector('[role="dialog"]', { state: 'detached' });
    expect(await focusedTestId()).toBe('embed-button');
  });

  it('closes the history drawer, and the focus is back on the map', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.focus('path.municipality[tabindex="0"]');
    await session.page.keyboard.press('Enter');
    await session.page.waitForSelector('[data-testid="municipality-panel"]');
    await session.page.keyboard.press('Escape');
    await session.page.waitForSelector('[data-testid="municipality-panel"]', { state: 'detached' });
    expect(await session.page.evaluate(() => document.activeElement?.matches('path.municipality') ?? false)).toBe(true);
  });

  it('raised no errors in the page', () => {
    expect(session.errors).toEqual([]);
  });
});
